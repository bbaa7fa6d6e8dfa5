package onnx

import "fmt"

// FoldInput returns a copy of n that reads raw inputs: the preprocessing x = a*raw + b is folded
// into the first Conv/Dense (weights times a, bias plus W·b). Only Flatten may come before that
// layer. The fold is exact except where a Conv pads its input: there the network padded a
// normalised 0 and the folded one pads a raw 0; a note says so.
func (n *Network) FoldInput(p *Preprocess) (*Network, error) {
	a, b, err := p.affine(n.InputShape)
	if err != nil {
		return nil, err
	}
	identity := true
	for i := range a {
		identity = identity && a[i] == 1 && b[i] == 0
	}
	if identity {
		return n, nil
	}
	out := *n
	out.Layers = append([]Layer{}, n.Layers...)
	out.Notes = append([]string{}, n.Notes...)
	first := -1
	for i := range out.Layers {
		if out.Layers[i].linear() {
			first = i
			break
		}
		if out.Layers[i].Kind != Flatten {
			return nil, fmt.Errorf("the input normalisation folds into the first Conv/Gemm/MatMul; "+
				"node %q (%s) comes before it", out.Layers[i].Node, out.Layers[i].OpType)
		}
	}
	if first < 0 {
		return nil, fmt.Errorf("the network has no Conv, Gemm or MatMul layer")
	}
	l := out.Layers[first]
	w, bias := append([]float64{}, l.W...), append([]float64{}, l.B...)
	nIn := prod(l.In)
	offset := false
	for o := range bias {
		for i := 0; i < len(w)/len(bias); i++ {
			// Dense: input element i. Conv: i runs over (c, u, v); its channel's a and b are those
			// of any element of channel c.
			e := i
			if l.Kind == Conv {
				e = i / (l.Kernel[0] * l.Kernel[1]) * (nIn / l.In[0])
			}
			bias[o] += w[o*len(w)/len(bias)+i] * b[e]
			w[o*len(w)/len(bias)+i] *= a[e]
			offset = offset || b[e] != 0
		}
	}
	l.W, l.B = w, bias
	out.Layers[first] = l
	if l.Kind == Conv && offset && l.Pads != [4]int{} {
		out.Notes = append(out.Notes, fmt.Sprintf("the input mean is folded into %q, which pads its input: "+
			"its border outputs see a raw 0 where the float model sees a normalised 0 (the accuracies below include this)", l.Node))
	}
	return &out, nil
}
