package imageinput

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
)

// MaxPixels caps the images read: far above any model input, low enough that
// a hostile header cannot make the client allocate gigabytes.
const MaxPixels = 4096 * 4096

// maxFileSize caps the file read, for the same reason.
const maxFileSize = 64 << 20

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// Read decodes a PNG or PGM file, told apart by content, to 8-bit grayscale.
func Read(path string) (*image.Gray, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("%s: %d bytes, the limit is %d", path, st.Size(), maxFileSize)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	img, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return img, nil
}

// Decode decodes a PNG or PGM image to 8-bit grayscale.
func Decode(b []byte) (*image.Gray, error) {
	switch {
	case bytes.HasPrefix(b, pngMagic):
		return decodePNG(b)
	case bytes.HasPrefix(b, []byte("P5")), bytes.HasPrefix(b, []byte("P2")):
		return decodePGM(b)
	}
	return nil, errors.New("not a PNG or PGM (P5 or P2) image")
}

func decodePNG(b []byte) (*image.Gray, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("PNG: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("PNG: %w", err)
	}
	return toGray(img), nil
}

// toGray converts an image to grayscale with the standard luma weights
// (color.GrayModel), origin at (0, 0).
func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	r := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(g, g.Rect, img, r.Min, draw.Src)
	return g
}

func checkSize(w, h int) error {
	if w <= 0 || h <= 0 || w > MaxPixels/h {
		return fmt.Errorf("image of %dx%d pixels: at most %d pixels are read", w, h, MaxPixels)
	}
	return nil
}
