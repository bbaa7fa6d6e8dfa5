// Package testmodel provides a tiny hand-written artifact that exercises every circuit path:
// negative weights and inputs, a rescale of signed values, ReLU on mixed-sign, always-negative and
// always-positive accumulators, and a final rescale without ReLU.
package testmodel

import "github.com/hyra-network/hyra/zk/artifact"

// JSON is the artifact document.
const JSON = `{
  "format": "hyra-qnn/v1",
  "name": "tiny",
  "input": {"length": 3, "min": -4, "max": 7},
  "layers": [
    {"in": 3, "out": 4, "scale_bits": 2, "relu": true,
     "weights": [[3, -2, 5], [-1, -1, -1], [2, 0, 1], [-7, 4, 0]],
     "biases": [1, -40, 50, 3]},
    {"in": 4, "out": 2, "scale_bits": 1, "relu": false,
     "weights": [[2, -3, 1, 4], [-5, 0, 0, 1]],
     "biases": [-7, 2]}
  ],
  "output": {"length": 2, "labels": ["a", "b"]}
}`

// Artifact parses JSON; it panics on error because the document is a constant.
func Artifact() *artifact.Artifact {
	a, err := artifact.Parse([]byte(JSON))
	if err != nil {
		panic(err)
	}
	return a
}

// Inputs returns every input the schema allows (12^3 = 1728 vectors), for exhaustive tests.
func Inputs() [][]int64 {
	var out [][]int64
	for x := int64(-4); x <= 7; x++ {
		for y := int64(-4); y <= 7; y++ {
			for z := int64(-4); z <= 7; z++ {
				out = append(out, []int64{x, y, z})
			}
		}
	}
	return out
}
