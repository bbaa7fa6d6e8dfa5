package main

import (
	"math"
	"math/rand"
)

// mlp is a float network with ReLU hidden layers and a linear output layer, trained offline with
// Adam on softmax cross-entropy. Inputs are the integer features times inScale.
type mlp struct {
	w       [][][]float64 // w[l][out][in]
	b       [][]float64
	inScale float64
}

func newMLP(rng *rand.Rand, sizes []int, inScale float64) *mlp {
	m := &mlp{inScale: inScale}
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		std := math.Sqrt(2 / float64(in))
		w := make([][]float64, out)
		for j := range w {
			w[j] = make([]float64, in)
			for i := range w[j] {
				w[j][i] = rng.NormFloat64() * std
			}
		}
		m.w, m.b = append(m.w, w), append(m.b, make([]float64, out))
	}
	return m
}

// forward returns the activations of every layer (acts[0] is the scaled input).
func (m *mlp) forward(x []int64) [][]float64 {
	a := make([]float64, len(x))
	for i, v := range x {
		a[i] = float64(v) * m.inScale
	}
	acts := [][]float64{a}
	for l := range m.w {
		z := make([]float64, len(m.w[l]))
		for j, row := range m.w[l] {
			s := m.b[l][j]
			for i, w := range row {
				s += w * a[i]
			}
			if l < len(m.w)-1 && s < 0 {
				s = 0
			}
			z[j] = s
		}
		acts, a = append(acts, z), z
	}
	return acts
}

func (m *mlp) predict(x []int64) int {
	out := m.forward(x)
	return argmaxF(out[len(out)-1])
}

type adam struct {
	mw, vw [][][]float64
	mb, vb [][]float64
	t      int
}

func newAdam(m *mlp) *adam {
	a := &adam{}
	for l := range m.w {
		a.mw, a.vw = append(a.mw, zeros2(m.w[l])), append(a.vw, zeros2(m.w[l]))
		a.mb, a.vb = append(a.mb, make([]float64, len(m.b[l]))), append(a.vb, make([]float64, len(m.b[l])))
	}
	return a
}

// train runs epochs of minibatch Adam with a small L2 penalty.
func (m *mlp) train(rng *rand.Rand, d *dataset, epochs, batch int, lr, l2 float64) {
	opt := newAdam(m)
	for e := 0; e < epochs; e++ {
		idx := rng.Perm(len(d.x))
		for s := 0; s < len(idx); s += batch {
			end := min(s+batch, len(idx))
			gw, gb := m.grads(d, idx[s:end])
			opt.step(m, gw, gb, lr, l2)
		}
	}
}

// grads back-propagates softmax cross-entropy over a minibatch (averaged).
func (m *mlp) grads(d *dataset, batch []int) ([][][]float64, [][]float64) {
	gw := make([][][]float64, len(m.w))
	gb := make([][]float64, len(m.b))
	for l := range m.w {
		gw[l], gb[l] = zeros2(m.w[l]), make([]float64, len(m.b[l]))
	}
	scale := 1 / float64(len(batch))
	for _, n := range batch {
		acts := m.forward(d.x[n])
		delta := softmax(acts[len(acts)-1])
		delta[d.y[n]]--
		for l := len(m.w) - 1; l >= 0; l-- {
			prev := acts[l]
			for j, dj := range delta {
				gb[l][j] += dj * scale
				for i, a := range prev {
					gw[l][j][i] += dj * a * scale
				}
			}
			if l == 0 {
				break
			}
			next := make([]float64, len(prev))
			for i := range next {
				if prev[i] <= 0 {
					continue // ReLU gradient
				}
				for j, dj := range delta {
					next[i] += dj * m.w[l][j][i]
				}
			}
			delta = next
		}
	}
	return gw, gb
}

func (a *adam) step(m *mlp, gw [][][]float64, gb [][]float64, lr, l2 float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	a.t++
	c1, c2 := 1-math.Pow(b1, float64(a.t)), 1-math.Pow(b2, float64(a.t))
	upd := func(p, g, mm, vv *float64) {
		*mm = b1**mm + (1-b1)**g
		*vv = b2**vv + (1-b2)**g**g
		*p -= lr * (*mm / c1) / (math.Sqrt(*vv/c2) + eps)
	}
	for l := range m.w {
		for j := range m.w[l] {
			for i := range m.w[l][j] {
				g := gw[l][j][i] + l2*m.w[l][j][i]
				upd(&m.w[l][j][i], &g, &a.mw[l][j][i], &a.vw[l][j][i])
			}
			upd(&m.b[l][j], &gb[l][j], &a.mb[l][j], &a.vb[l][j])
		}
	}
}

func softmax(z []float64) []float64 {
	mx := z[0]
	for _, v := range z {
		mx = math.Max(mx, v)
	}
	out := make([]float64, len(z))
	var s float64
	for i, v := range z {
		out[i] = math.Exp(v - mx)
		s += out[i]
	}
	for i := range out {
		out[i] /= s
	}
	return out
}

func argmaxF(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

func zeros2(w [][]float64) [][]float64 {
	out := make([][]float64, len(w))
	for j := range w {
		out[j] = make([]float64, len(w[j]))
	}
	return out
}
