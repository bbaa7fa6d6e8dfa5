package imageinput

import (
	"fmt"
	"image"
	"math"

	"golang.org/x/image/draw"

	"github.com/hyra-network/hyra/zk/artifact"
)

// Side returns the height and width of the image a model takes: its input
// shape is [1, H, W], or [N] with N a square (an MLP over a flattened square
// image, such as the bundled mnist-mlp's [784]).
func Side(in artifact.InputSpec) (h, w int, err error) {
	switch s := in.Shape; {
	case len(s) == 3 && s[0] == 1:
		return s[1], s[2], nil
	case len(s) == 3:
		return 0, 0, fmt.Errorf("the model takes %d channels %v, an image here is grayscale (1 channel)", s[0], []int(s))
	case len(s) <= 1:
		n := in.Length
		if len(s) == 1 {
			n = s[0]
		}
		side := int(math.Sqrt(float64(n)))
		if side*side != n || n == 0 {
			return 0, 0, fmt.Errorf("the model takes a flat vector of %d values, not a square image", n)
		}
		return side, side, nil
	}
	return 0, 0, fmt.Errorf("the model's input shape %v is not an image's", []int(in.Shape))
}

// Input turns a grayscale image into the model's input vector: resized to
// its [1, H, W] shape (an image of that size is taken pixel for pixel; others
// are resampled with Catmull-Rom), row-major, one raw pixel 0..255 per value.
// A model whose input range cannot hold every pixel value is refused: its
// inputs are not raw pixels, and guessing its preprocessing would give a
// confident wrong answer.
func Input(img *image.Gray, in artifact.InputSpec) ([]int64, error) {
	h, w, err := Side(in)
	if err != nil {
		return nil, err
	}
	if in.Min > 0 || in.Max < 255 {
		return nil, fmt.Errorf("the model takes values in [%d, %d], not raw pixels 0..255: "+
			"give its input with --input or --input-file", in.Min, in.Max)
	}
	g := img
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		g = image.NewGray(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(g, g.Rect, img, b, draw.Src, nil)
	}
	v := make([]int64, 0, w*h)
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for _, p := range row {
			v = append(v, int64(p))
		}
	}
	return v, nil
}
