package onnx_test

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hyra-network/hyra/zk/onnx"
)

func write(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadDatasetCSV(t *testing.T) {
	cases := []struct {
		name, csv string
		labelFlag bool
		samples   [][]int64
		labels    []int
	}{
		// The comma in this name puts one in the file path: a path naming a file is not split.
		{"no header, no labels", "1,2,3\n4, 5, 6\n", false, [][]int64{{1, 2, 3}, {4, 5, 6}}, nil},
		{"--labels", "1,2,3\n4,5,6\n", true, [][]int64{{1, 2}, {4, 5}}, []int{3, 6}},
		{"header naming the label", "a,b,label\n1,2,3\n", false, [][]int64{{1, 2}}, []int{3}},
		{"header without a label", "a,b,c\n1,2,3\n", false, [][]int64{{1, 2, 3}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := onnx.ReadDataset(write(t, "d.csv", []byte(c.csv)), c.labelFlag, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(d.Samples, c.samples) || !reflect.DeepEqual(d.Labels, c.labels) {
				t.Fatalf("samples %v labels %v, want %v %v", d.Samples, d.Labels, c.samples, c.labels)
			}
		})
	}
	if _, err := onnx.ReadDataset(write(t, "d.csv", []byte("1,2\n3,0.5\n")), false, 0); err == nil ||
		!strings.Contains(err.Error(), "row 2 column 2") {
		t.Fatalf("error %v: want the fractional value named", err)
	}
	d, err := onnx.ReadDataset(write(t, "d.csv", []byte("1\n2\n3\n")), false, 2)
	if err != nil || len(d.Samples) != 2 {
		t.Fatalf("--calibration-limit 2: %v, %v", d, err)
	}
}

func TestReadDatasetIdx(t *testing.T) {
	images := append([]byte{0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2}, 1, 2, 3, 4)
	var gz strings.Builder
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(images); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	img := write(t, "images.gz", []byte(gz.String()))
	lbl := write(t, "labels", []byte{0, 0, 8, 1, 0, 0, 0, 2, 7, 9})
	d, err := onnx.ReadDataset(img+","+lbl, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Samples, [][]int64{{1, 2}, {3, 4}}) || !reflect.DeepEqual(d.Labels, []int{7, 9}) {
		t.Fatalf("samples %v labels %v", d.Samples, d.Labels)
	}
	short := write(t, "labels", []byte{0, 0, 8, 1, 0, 0, 0, 1, 7})
	if _, err := onnx.ReadDataset(img+","+short, false, 0); err == nil {
		t.Fatal("a label file with fewer labels than images is accepted")
	}
	if _, err := onnx.ReadDataset(write(t, "images", images[:18]), false, 0); err == nil {
		t.Fatal("a truncated idx file is accepted")
	}
}
