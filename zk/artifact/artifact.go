// Package artifact defines the model artifact formats, stored as JSON: "hyra-qnn/v1", a quantized
// feed-forward network with integer weights, fixed-point rescaling by right shifts and ReLU, and
// "hyra-qnn/v2", a sequence of integer tensor operations (conv2d, dense, requant, relu, maxpool,
// sumpool, flatten). The sha256 of the stored bytes identifies a model; setup compiles a circuit
// from the parsed artifact, and Infer computes exactly what that circuit proves.
package artifact

import (
	"crypto/sha256"
	"errors"
)

// Format and FormatV2 are the accepted values of the "format" field; Parse dispatches on it.
const (
	Format   = "hyra-qnn/v1"
	FormatV2 = "hyra-qnn/v2"
)

// Caps that bound parsing, allocation, circuit size and every intermediate value. A weight times
// an input can never overflow because each accumulator's absolute bound is checked to stay below
// 2^MaxAccBits, far from both int64 and the BN254 scalar field (about 2^254).
const (
	MaxSize        = 8 << 20 // bytes of JSON
	MaxLayers      = 16
	MaxNeurons     = 1024 // per layer, inputs and outputs
	MaxWeights     = 1 << 20
	MaxWeightAbs   = 1 << 24
	MaxBiasAbs     = 1 << 48
	MaxScaleBits   = 48
	MaxAccBits     = 62
	MaxNameLen     = 64
	MaxDescLen     = 1024
	MaxLabelLen    = 64
	MinIOValue     = -(1 << 31) // inputs and outputs must fit the 32-bit commitment lanes
	MaxIOValue     = 1<<31 - 1
	maxAccAbsBound = 1 << MaxAccBits
)

// ErrInvalid is wrapped by every parse, validation and inference error.
var ErrInvalid = errors.New("invalid model artifact")

// Artifact is a parsed and validated model. Fields mirror the JSON document (see zk/README.md).
type Artifact struct {
	Format      string `json:"format"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Private marks a private-capable model: its circuit proves a hiding input commitment and a
	// sealed output (zk/README.md "Private tasks"), so it serves private tasks and public ones
	// (with a zero blinding). Absent in the JSON means false, and Encode writes it only when
	// true, so artifacts from before the flag keep their bytes, hash and circuit.
	Private bool       `json:"private,omitempty"`
	Input   InputSpec  `json:"input"`
	Layers  []Layer    `json:"layers"`
	Output  OutputSpec `json:"output"`
	// Ops is the hyra-qnn/v2 network (Layers is empty then); its JSON form is written by Encode.
	Ops []Op `json:"-"`

	// bounds[i] is the range of every element of the tensor entering v2 op i (bounds[len(Ops)]
	// is the output).
	bounds [][]Interval
	// acc[l][j] is the range of neuron j's accumulator in layer l; act[l][j] of its activation.
	acc [][]Interval
	act [][]Interval
}

// InputSpec is the input schema: exactly Length values, each in [Min, Max]. A v2 artifact gives a
// Shape ([N] or [C, H, W]) instead of a length; Length is then its size, the flat vector a task
// carries.
type InputSpec struct {
	Length     int    `json:"length"`
	Min        int64  `json:"min"`
	Max        int64  `json:"max"`
	Shape      Shape  `json:"-"`
	Preprocess string `json:"-"`
}

// Layer is a dense layer: y_j = relu?( floor( (sum_i Weights[j][i]*x_i + Biases[j]) / 2^ScaleBits ) ).
// Weights has Out rows of In columns.
type Layer struct {
	In        int       `json:"in"`
	Out       int       `json:"out"`
	Weights   [][]int64 `json:"weights"`
	Biases    []int64   `json:"biases"`
	ScaleBits uint      `json:"scale_bits"`
	ReLU      bool      `json:"relu"`
}

// OutputSpec is the output shape, with optional class labels for display.
type OutputSpec struct {
	Length int      `json:"length"`
	Labels []string `json:"labels,omitempty"`
}

// Interval is an inclusive integer range.
type Interval struct{ Lo, Hi int64 }

// Hash identifies a model: the sha256 of the artifact bytes as stored.
func Hash(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}

// AccBounds returns the accumulator range of neuron j of layer l (before rescale and ReLU), over
// all inputs allowed by the schema. The circuit sizes its bit decompositions from it.
func (a *Artifact) AccBounds(l, j int) Interval { return a.acc[l][j] }

// ActBounds returns the range of neuron j's output in layer l (after rescale and ReLU).
func (a *Artifact) ActBounds(l, j int) Interval { return a.act[l][j] }
