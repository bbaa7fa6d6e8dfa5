package onnx

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Dataset is calibration data in raw input units, with labels when the data has them.
type Dataset struct {
	Samples [][]int64
	Labels  []int // nil when unlabelled
}

// ReadDataset reads `FILE` or `IMAGES,LABELS`. An idx file (as MNIST ships them, gzipped or not:
// recognised by its magic number) holds images, and the optional second file their labels. Any
// other file is a CSV with one sample per row; its last column holds labels when labelColumn is
// set or when a header row names it "label". limit > 0 keeps the first limit samples. A spec
// naming an existing file is that one file, even when its path holds a comma.
func ReadDataset(spec string, labelColumn bool, limit int) (*Dataset, error) {
	files := []string{spec}
	if _, err := os.Stat(spec); err != nil {
		files = strings.Split(spec, ",")
	}
	if len(files) > 2 || files[0] == "" {
		return nil, fmt.Errorf("calibration %q: want FILE or IMAGES,LABELS", spec)
	}
	b, err := readMaybeGzip(files[0])
	if err != nil {
		return nil, err
	}
	var d *Dataset
	if isIdx(b, 3) {
		d, err = readIdx(b, files)
	} else if len(files) == 2 {
		return nil, fmt.Errorf("%s is not an idx image file (only idx data takes a second, labels file)", files[0])
	} else {
		d, err = readCSV(b, labelColumn)
	}
	if err != nil {
		return nil, err
	}
	if limit > 0 && limit < len(d.Samples) {
		d.Samples = d.Samples[:limit]
		if d.Labels != nil {
			d.Labels = d.Labels[:limit]
		}
	}
	if len(d.Samples) == 0 {
		return nil, fmt.Errorf("%s holds no samples", files[0])
	}
	return d, nil
}

func readMaybeGzip(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(io.LimitReader(zr, 1<<30))
}

// isIdx reports whether b starts with the idx magic for unsigned bytes with rank dims.
func isIdx(b []byte, rank byte) bool {
	return len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0x08 && b[3] == rank
}

func readIdx(b []byte, files []string) (*Dataset, error) {
	if len(b) < 16 {
		return nil, fmt.Errorf("%s: truncated idx header", files[0])
	}
	n, h, w := int(binary.BigEndian.Uint32(b[4:])), int(binary.BigEndian.Uint32(b[8:])), int(binary.BigEndian.Uint32(b[12:]))
	if h == 0 || w == 0 || h*w > len(b) || n > len(b) || len(b) != 16+n*h*w {
		return nil, fmt.Errorf("%s: idx image file of %d bytes does not hold %d images of %dx%d", files[0], len(b), n, h, w)
	}
	d := &Dataset{Samples: make([][]int64, n)}
	for i := range d.Samples {
		s := make([]int64, h*w)
		for j := range s {
			s[j] = int64(b[16+i*h*w+j])
		}
		d.Samples[i] = s
	}
	if len(files) < 2 {
		return d, nil
	}
	lb, err := readMaybeGzip(files[1])
	if err != nil {
		return nil, err
	}
	if !isIdx(lb, 1) || len(lb) != 8+n || int(binary.BigEndian.Uint32(lb[4:])) != n {
		return nil, fmt.Errorf("%s is not an idx label file with %d labels", files[1], n)
	}
	d.Labels = make([]int, n)
	for i := range d.Labels {
		d.Labels[i] = int(lb[8+i])
	}
	return d, nil
}

func readCSV(b []byte, labelColumn bool) (*Dataset, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.TrimLeadingSpace = true
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("calibration CSV: %w", err)
	}
	if len(rows) > 0 {
		if _, err := strconv.ParseInt(strings.TrimSpace(rows[0][0]), 10, 64); err != nil {
			head := rows[0]
			labelColumn = labelColumn || strings.EqualFold(strings.TrimSpace(head[len(head)-1]), "label")
			rows = rows[1:]
		}
	}
	d := &Dataset{}
	for i, row := range rows {
		v := make([]int64, len(row))
		for j, f := range row {
			if v[j], err = strconv.ParseInt(strings.TrimSpace(f), 10, 64); err != nil {
				return nil, fmt.Errorf("calibration CSV row %d column %d: %q is not an integer (raw input units)", i+1, j+1, f)
			}
		}
		if labelColumn {
			if len(v) < 2 {
				return nil, errors.New("calibration CSV: a label column needs at least one value before it")
			}
			d.Labels = append(d.Labels, int(v[len(v)-1]))
			v = v[:len(v)-1]
		}
		d.Samples = append(d.Samples, v)
	}
	return d, nil
}
