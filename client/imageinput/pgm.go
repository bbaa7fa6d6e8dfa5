package imageinput

import (
	"errors"
	"fmt"
	"image"
	"strconv"
)

// decodePGM decodes a Netpbm graymap: P5 (binary, one or two bytes per
// sample) or P2 (ASCII), with '#' comments in the header. Samples are scaled
// from [0, maxval] to [0, 255].
func decodePGM(b []byte) (*image.Gray, error) {
	magic := string(b[:2])
	p := &pgmReader{b: b, pos: 2}
	var hdr [3]int
	for i, name := range []string{"width", "height", "maxval"} {
		v, err := p.int()
		if err != nil {
			return nil, fmt.Errorf("PGM header %s: %w", name, err)
		}
		hdr[i] = v
	}
	w, h, maxval := hdr[0], hdr[1], hdr[2]
	if err := checkSize(w, h); err != nil {
		return nil, err
	}
	if maxval < 1 || maxval > 65535 {
		return nil, fmt.Errorf("PGM maxval %d, want 1..65535", maxval)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	if magic == "P2" {
		for i := range img.Pix {
			v, err := p.int()
			if err != nil {
				return nil, fmt.Errorf("PGM pixel %d: %w", i, err)
			}
			if v > maxval {
				return nil, fmt.Errorf("PGM pixel %d is %d, above maxval %d", i, v, maxval)
			}
			img.Pix[i] = scale(v, maxval)
		}
		return img, nil
	}
	// P5: exactly one whitespace byte ends the header.
	if p.pos >= len(b) || !isSpace(b[p.pos]) {
		return nil, errors.New("PGM header is not followed by a whitespace byte")
	}
	data := b[p.pos+1:]
	size := 1
	if maxval > 255 {
		size = 2
	}
	if len(data) < w*h*size {
		return nil, fmt.Errorf("PGM holds %d bytes of pixels, %dx%d needs %d", len(data), w, h, w*h*size)
	}
	for i := range img.Pix {
		v := int(data[i*size])
		if size == 2 {
			v = v<<8 | int(data[i*size+1])
		}
		if v > maxval {
			return nil, fmt.Errorf("PGM pixel %d is %d, above maxval %d", i, v, maxval)
		}
		img.Pix[i] = scale(v, maxval)
	}
	return img, nil
}

// scale maps v in [0, maxval] to [0, 255], rounding to nearest.
func scale(v, maxval int) uint8 {
	return uint8((v*255 + maxval/2) / maxval) //nolint:gosec // G115: v <= maxval, so the result is at most 255
}

type pgmReader struct {
	b   []byte
	pos int
}

// int reads the next decimal number, skipping whitespace and comments.
func (p *pgmReader) int() (int, error) {
	for p.pos < len(p.b) {
		switch c := p.b[p.pos]; {
		case isSpace(c):
			p.pos++
		case c == '#':
			for p.pos < len(p.b) && p.b[p.pos] != '\n' && p.b[p.pos] != '\r' {
				p.pos++
			}
		default:
			start := p.pos
			for p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '9' {
				p.pos++
			}
			if start == p.pos || (p.pos < len(p.b) && !isSpace(p.b[p.pos]) && p.b[p.pos] != '#') {
				return 0, fmt.Errorf("unexpected byte %q", p.b[p.pos])
			}
			if p.pos-start > 9 {
				return 0, errors.New("number too large")
			}
			return strconv.Atoi(string(p.b[start:p.pos]))
		}
	}
	return 0, errors.New("unexpected end of file")
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
