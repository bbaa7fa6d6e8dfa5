package onnx

import (
	"errors"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// knownOps are the operators Load handles (on constants, computed values or both).
var knownOps = map[string]bool{
	"Constant": true, "Identity": true, "Shape": true, "Gather": true, "Unsqueeze": true, "Squeeze": true,
	"Concat": true, "Reshape": true, "Cast": true, "Add": true, "Sub": true, "Mul": true, "Div": true,
	"Relu": true, "Conv": true, "Gemm": true, "MatMul": true, "BatchNormalization": true, "MaxPool": true,
	"AveragePool": true, "Flatten": true, "Pad": true, "Softmax": true, "LogSoftmax": true,
}

// checkOps refuses the first node whose operator is not handled at all, before the input is
// looked at, so an LSTM graph is refused for its LSTM and not for the input shape it needs.
func checkOps(nodes []*pb.NodeProto) error {
	for _, n := range nodes {
		if d := n.GetDomain(); d != "" && d != "ai.onnx" {
			return unsupported(nodeName(n), n.GetOpType(), "operator domain %q is not supported", d)
		}
		if !knownOps[n.GetOpType()] {
			return unsupported(nodeName(n), n.GetOpType(), "operator not supported")
		}
	}
	return nil
}

// eval evaluates one node: folded to a constant when no input depends on the graph input, else
// turned into a layer on top of the stage its input is.
func (w *walker) eval(n *pb.NodeProto) error {
	op := n.GetOpType()
	in := make([]value, len(n.GetInput()))
	dyn := -1
	for i, name := range n.GetInput() {
		if name == "" {
			continue
		}
		in[i] = w.vals[name]
		if in[i].d != nil {
			if dyn >= 0 && op != "Shape" {
				return unsupported(nodeName(n), op, "combines two values computed from the input "+
					"(branches and residual connections are not supported)")
			}
			dyn = i
		}
	}
	var outs []string
	for i, o := range n.GetOutput() {
		if o != "" {
			if i > 0 {
				return unsupported(nodeName(n), op, "output %d (%q) is not supported; only the first output", i, o)
			}
			outs = append(outs, o)
		}
	}
	if len(outs) != 1 {
		return unsupported(nodeName(n), op, "%d outputs, want 1", len(outs))
	}
	if dyn < 0 || op == "Shape" {
		t, err := fold(n, in)
		if err != nil {
			return named(n, err)
		}
		if t == nil {
			return unsupported(nodeName(n), op, "a required input is missing")
		}
		w.vals[outs[0]] = value{c: t}
		return nil
	}
	if dyn != 0 {
		if op != "Add" || len(in) != 2 {
			return unsupported(nodeName(n), op, "the value computed from the input must be the first input")
		}
		in[0], in[1] = in[1], in[0]
	}
	s, err := w.layer(n, in[0].d, in, outs[0] == w.output)
	if err != nil {
		return named(n, err)
	}
	w.vals[outs[0]] = value{d: s}
	return nil
}

// nodeName names a node in messages: its name, or its first output when it has none (the onnx
// helpers do not require names).
func nodeName(n *pb.NodeProto) string {
	if n.GetName() != "" || len(n.GetOutput()) == 0 {
		return n.GetName()
	}
	return "output " + n.GetOutput()[0]
}

// refuser returns an UnsupportedError constructor for node n.
func refuser(n *pb.NodeProto) func(format string, args ...any) error {
	return func(format string, args ...any) error {
		return unsupported(nodeName(n), n.GetOpType(), format, args...)
	}
}

// named makes sure an error names the node.
func named(n *pb.NodeProto, err error) error {
	var ue *UnsupportedError
	if errors.As(err, &ue) {
		return err
	}
	return unsupported(nodeName(n), n.GetOpType(), "%v", err)
}

// layer turns a node applied to a computed value into a layer (or folds it into the previous one).
func (w *walker) layer(n *pb.NodeProto, s *stage, in []value, last bool) (*stage, error) {
	switch n.GetOpType() {
	case "Identity":
		return s, nil
	case "Relu":
		if _, err := nodeAttrs(n); err != nil {
			return nil, err
		}
		return push(s, Layer{Kind: ReLU}, n, s.shape), nil
	case "Conv":
		return conv(n, s, in)
	case "Gemm":
		return gemm(n, s, in)
	case "MatMul":
		return matmul(n, s, in)
	case "Add":
		return addBias(n, s, in)
	case "BatchNormalization":
		return batchNorm(n, s, in)
	case "MaxPool", "AveragePool":
		return pool(n, s)
	case "Flatten", "Reshape":
		return flatten(n, s, in)
	case "Pad":
		return padLayer(n, s, in)
	case "Softmax", "LogSoftmax":
		return w.finalSoftmax(n, s, last)
	}
	return nil, unsupported(nodeName(n), n.GetOpType(), "not supported on a value computed from the input")
}

// push adds a layer on top of s with the given output shape (ONNX, batch first).
func push(s *stage, l Layer, n *pb.NodeProto, shape []int) *stage {
	l.Node, l.OpType = n.GetName(), n.GetOpType()
	l.In, l.Out = s.shape[1:], shape[1:]
	return &stage{prev: s, layer: &l, shape: shape}
}

// replace makes a new stage computing l in place of s's layer (a fold into the previous layer).
func replace(s *stage, l Layer) *stage {
	return &stage{prev: s.prev, layer: &l, shape: s.shape}
}
