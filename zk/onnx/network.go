// Package onnx imports a float network from an ONNX file (as torch.onnx.export or the onnx
// Python helpers write it) and quantizes it into a `hyra-qnn/v2` integer artifact.
//
// The import has three steps: Load walks the ONNX graph from its single input to its single
// output, folds every constant computation and the layers that fold into their neighbours
// (BatchNormalization, bias Adds, Pad), and returns a Network, a straight chain of float layers;
// Quantize runs the Network on calibration data and chooses integer weights, biases and
// requantization steps; Import ties them together, encodes the artifact with zk/artifact and
// parses it back (the bytes it returns are a valid artifact). ONNX protobuf decoding is zk/onnx/onnxpb's.
package onnx

import "fmt"

// Kind is a float layer of a Network.
type Kind int

// The layer kinds the artifact format can express.
const (
	Conv    Kind = iota // 2-D convolution, groups 1, dilation 1, zero padding
	Dense               // fully connected (Gemm, MatMul)
	ReLU                // max(x, 0)
	MaxPool             // no padding, floor mode
	AvgPool             // no padding: a sumpool whose 1/(kh*kw) goes into the next scale
	Flatten             // [C,H,W] -> [C*H*W]
	pad                 // a Pad node waiting for the Conv it folds into (never in a loaded Network)
)

func (k Kind) String() string {
	return [...]string{"conv2d", "dense", "relu", "maxpool", "avgpool", "flatten", "pad"}[k]
}

// Layer is one float layer. Shapes exclude the batch dimension: [C,H,W] or [N].
type Layer struct {
	Kind Kind
	// Node and OpType name the ONNX node the layer came from, for messages.
	Node, OpType string
	In, Out      []int

	// Conv and Dense: W is OIHW (Conv) or [Out][In] (Dense) row-major, B has one value per output
	// channel.
	W, B []float64
	// Conv and pools: kernel and stride [h, w]; Conv and pad: pads [top, left, bottom, right].
	Kernel, Stride [2]int
	Pads           [4]int
}

func (l *Layer) linear() bool { return l.Kind == Conv || l.Kind == Dense }

// Network is the float model as a chain of layers from the input to the output.
type Network struct {
	// InputName is the ONNX graph input; InputShape excludes the batch dimension.
	InputName  string
	InputShape []int
	Layers     []Layer
	// Notes are things the import did that a user should know (a dropped final Softmax).
	Notes []string
}

// OutputLen is the number of values the network outputs.
func (n *Network) OutputLen() int {
	return prod(n.Layers[len(n.Layers)-1].Out)
}

func prod(shape []int) int {
	p := 1
	for _, d := range shape {
		p *= d
	}
	return p
}

// UnsupportedError names the ONNX node (or graph input) the importer cannot express.
type UnsupportedError struct {
	Node, OpType, Reason string
}

// Supported lists what the importer accepts, for error messages and `--help`.
const Supported = `supported: Gemm (alpha, beta, transB), MatMul (+ Add bias), Conv (2-D, strides, pads, ` +
	`group 1, dilations 1), Relu, MaxPool and AveragePool (no padding), Flatten, Reshape to [1, -1], ` +
	`BatchNormalization after Conv/Gemm/MatMul, Pad (zeros) before Conv, a final Softmax/LogSoftmax ` +
	`(dropped), and constant computations (Constant, Identity, Shape, Gather, Unsqueeze, Squeeze, ` +
	`Concat, Reshape, Cast, Add/Sub/Mul/Div on constants); one input with fixed dimensions and batch 1, ` +
	`opset 13 or later`

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("node %q (%s): %s; %s", e.Node, e.OpType, e.Reason, Supported)
}

func unsupported(node, op, format string, args ...any) error {
	return &UnsupportedError{Node: node, OpType: op, Reason: fmt.Sprintf(format, args...)}
}
