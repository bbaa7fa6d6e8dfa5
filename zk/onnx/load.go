package onnx

import (
	"errors"
	"fmt"

	"google.golang.org/protobuf/proto"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// MinOpset is the oldest default-domain opset accepted: from 13 on, the axes of Unsqueeze and
// Squeeze and the pads of Pad are inputs, as torch.onnx.export (opset_version >= 13) and the
// current onnx helpers write them.
const MinOpset = 13

// value is what a tensor name holds during the walk: a constant, or a value computed from the
// input (a stage of the chain).
type value struct {
	c *tensor
	d *stage
}

// stage is a value computed from the input: the layer producing it on top of its predecessor.
// Stages form an immutable linked list, so folding a layer into its predecessor (a bias, a
// BatchNormalization, a Pad) makes a new stage and never changes another consumer's view.
type stage struct {
	prev  *stage
	layer *Layer // nil at the input
	shape []int  // ONNX shape, batch dimension (1) first
}

type walker struct {
	vals   map[string]value
	output string
	notes  []string
}

// Load decodes an ONNX model and reduces its graph to a Network. It refuses, naming the node,
// anything the artifact format cannot express exactly.
func Load(b []byte) (*Network, error) {
	var mp pb.ModelProto
	if err := proto.Unmarshal(b, &mp); err != nil {
		return nil, fmt.Errorf("not an ONNX model: %w", err)
	}
	if err := checkOpset(&mp); err != nil {
		return nil, err
	}
	g := mp.GetGraph()
	if g == nil {
		return nil, errors.New("the ONNX model has no graph")
	}
	if len(g.GetSparseInitializer()) > 0 {
		return nil, errors.New("sparse initializers are not supported")
	}
	w := &walker{vals: map[string]value{}}
	for _, tp := range g.GetInitializer() {
		t, err := tensorFromProto(tp)
		if err != nil {
			return nil, err
		}
		w.vals[tp.GetName()] = value{c: t}
	}
	if err := checkOps(g.GetNode()); err != nil {
		return nil, err
	}
	in, err := w.input(g)
	if err != nil {
		return nil, err
	}
	if len(g.GetOutput()) != 1 {
		return nil, fmt.Errorf("the graph has %d outputs, want exactly 1", len(g.GetOutput()))
	}
	w.output = g.GetOutput()[0].GetName()
	if err := w.walk(g.GetNode()); err != nil {
		return nil, err
	}
	return w.network(in)
}

func checkOpset(mp *pb.ModelProto) error {
	for _, o := range mp.GetOpsetImport() {
		if d := o.GetDomain(); d == "" || d == "ai.onnx" {
			if o.GetVersion() < MinOpset {
				return fmt.Errorf("opset %d: export with opset %d or later (torch.onnx.export(..., opset_version=%d))",
					o.GetVersion(), MinOpset, MinOpset)
			}
			return nil
		}
	}
	return errors.New("the model imports no default-domain (ai.onnx) opset")
}

// input finds the single graph input that is not an initializer and checks its shape is fixed
// with batch 1.
func (w *walker) input(g *pb.GraphProto) (string, error) {
	var ins []*pb.ValueInfoProto
	for _, vi := range g.GetInput() {
		if _, isConst := w.vals[vi.GetName()]; !isConst {
			ins = append(ins, vi)
		}
	}
	if len(ins) != 1 {
		return "", fmt.Errorf("the graph has %d inputs, want exactly 1", len(ins))
	}
	vi := ins[0]
	tt := vi.GetType().GetTensorType()
	if tt == nil || tt.GetShape() == nil {
		return "", unsupported(vi.GetName(), "graph input", "not a tensor with a known shape")
	}
	if et := tt.GetElemType(); et != int32(pb.TensorProto_FLOAT) && et != int32(pb.TensorProto_DOUBLE) {
		return "", unsupported(vi.GetName(), "graph input", "element type %s, want float or double",
			pb.TensorProto_DataType(et))
	}
	var shape []int
	for i, d := range tt.GetShape().GetDim() {
		if p := d.GetDimParam(); p != "" || d.GetDimValue() <= 0 {
			return "", unsupported(vi.GetName(), "graph input",
				"dimension %d is dynamic (%q); export with fixed dimensions (no dynamic_axes) and batch 1", i, p)
		}
		shape = append(shape, int(d.GetDimValue()))
	}
	if len(shape) != 2 && len(shape) != 4 || shape[0] != 1 {
		return "", unsupported(vi.GetName(), "graph input", "shape %v, want [1, N] or [1, C, H, W]", shape)
	}
	if _, err := numElements(shape); err != nil {
		return "", unsupported(vi.GetName(), "graph input", "shape %v: %v", shape, err)
	}
	w.vals[vi.GetName()] = value{d: &stage{shape: shape}}
	return vi.GetName(), nil
}

// walk evaluates, in dependency order, every node the output depends on.
func (w *walker) walk(nodes []*pb.NodeProto) error {
	producer := map[string]int{}
	for i, n := range nodes {
		for _, o := range n.GetOutput() {
			producer[o] = i
		}
	}
	live := make([]bool, len(nodes))
	var mark func(name string)
	mark = func(name string) {
		i, ok := producer[name]
		if !ok || live[i] {
			return
		}
		live[i] = true
		for _, in := range nodes[i].GetInput() {
			mark(in)
		}
	}
	mark(w.output)
	for done := false; !done; {
		done = true
		for i, n := range nodes {
			if !live[i] || !w.ready(n) {
				continue
			}
			if err := w.eval(n); err != nil {
				return err
			}
			live[i], done = false, false
		}
	}
	for i, n := range nodes {
		if live[i] {
			for _, in := range n.GetInput() {
				if _, ok := w.vals[in]; !ok && in != "" {
					return unsupported(nodeName(n), n.GetOpType(), "input %q is never computed (missing or in a cycle)", in)
				}
			}
		}
	}
	return nil
}

func (w *walker) ready(n *pb.NodeProto) bool {
	for _, in := range n.GetInput() {
		if _, ok := w.vals[in]; !ok && in != "" {
			return false
		}
	}
	return true
}

// network turns the output's chain of stages into a Network.
func (w *walker) network(input string) (*Network, error) {
	out, ok := w.vals[w.output]
	if !ok {
		return nil, fmt.Errorf("the graph output %q is not computed by any node", w.output)
	}
	if out.d == nil {
		return nil, fmt.Errorf("the graph output %q is a constant", w.output)
	}
	var layers []Layer
	for s := out.d; s.layer != nil; s = s.prev {
		if s.layer.Kind == pad {
			return nil, unsupported(s.layer.Node, s.layer.OpType, "a Pad is supported only directly before a Conv")
		}
		layers = append(layers, *s.layer)
	}
	if len(layers) == 0 {
		return nil, errors.New("the graph computes nothing from its input")
	}
	for i, j := 0, len(layers)-1; i < j; i, j = i+1, j-1 {
		layers[i], layers[j] = layers[j], layers[i]
	}
	in := w.vals[input].d.shape[1:]
	return &Network{InputName: input, InputShape: in, Layers: layers, Notes: w.notes}, nil
}
