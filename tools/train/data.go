package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
)

// dataset holds integer model inputs (exactly what the chain will see) and class labels.
type dataset struct {
	x      [][]int64
	y      []int
	labels []string
}

// loadDigits reads digits.csv.gz: 64 pixels (0..16) then the label.
func loadDigits(dir string) (*dataset, error) {
	f, err := os.Open(filepath.Join(dir, "digits.csv.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read only: nothing is lost if Close fails
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(zr).ReadAll()
	if err != nil {
		return nil, err
	}
	d := &dataset{labels: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}
	for i, r := range rows {
		if len(r) != 65 {
			return nil, fmt.Errorf("digits row %d: %d fields", i, len(r))
		}
		x := make([]int64, 64)
		for j := range x {
			if x[j], err = strconv.ParseInt(r[j], 10, 64); err != nil {
				return nil, fmt.Errorf("digits row %d: %w", i, err)
			}
		}
		lab, err := strconv.Atoi(r[64])
		if err != nil {
			return nil, fmt.Errorf("digits row %d: %w", i, err)
		}
		d.x, d.y = append(d.x, x), append(d.y, lab)
	}
	return d, nil
}

// loadIris reads iris.csv and quantizes each measurement to millimetres (cm*10, exact for this
// data set, which has one decimal).
func loadIris(dir string) (*dataset, error) {
	f, err := os.Open(filepath.Join(dir, "iris.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read only: nothing is lost if Close fails
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	if len(header) != 5 {
		return nil, fmt.Errorf("iris header: %v", header)
	}
	d := &dataset{labels: header[2:]}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(rec) != 5 {
			return nil, fmt.Errorf("iris row: %v", rec)
		}
		x := make([]int64, 4)
		for j := range x {
			v, err := strconv.ParseFloat(rec[j], 64)
			if err != nil {
				return nil, err
			}
			x[j] = int64(math.Round(v * 10))
		}
		lab, err := strconv.Atoi(rec[4])
		if err != nil {
			return nil, err
		}
		d.x, d.y = append(d.x, x), append(d.y, lab)
	}
	return d, nil
}

// split shuffles with rng and holds out the given fraction for evaluation.
func (d *dataset) split(rng *rand.Rand, holdout float64) (train, test *dataset) {
	idx := rng.Perm(len(d.x))
	nTest := int(math.Round(float64(len(idx)) * holdout))
	train, test = &dataset{labels: d.labels}, &dataset{labels: d.labels}
	for k, i := range idx {
		dst := train
		if k < nTest {
			dst = test
		}
		dst.x, dst.y = append(dst.x, d.x[i]), append(dst.y, d.y[i])
	}
	return train, test
}
