package ceremony

import (
	"math/big"
	"runtime"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// A phase-2 contribution and the seal multiply every Z and PKK point (about 250,000 for the
// MNIST CNN) by one scalar. gnark does it point by point (Phase2.update: a GLV multiplication
// each, which splits the scalar, builds a table of 16 Jacobian points and inverts once per
// point). scaleG1 shares everything that depends only on the scalar: the GLV split and the
// wNAF digits are computed once, and since every point then goes through the same sequence of
// doublings and additions, a block of points runs it in affine coordinates with one batched
// inversion per step (Montgomery's trick), the table of odd multiples included; the
// endomorphism's half of the table is the first half with x multiplied by a cube root of
// unity. The output is exactly [s]P for each P (TestScaleG1IsScalarMultiplication).

// glvLambda and glvOmega are BN254 G1's GLV endomorphism: phi(x, y) = (omega*x, y) = [lambda](x, y)
// (gnark-crypto's lambdaGLV and thirdRootOneG1, unexported there; TestGLVEndomorphism).
var (
	glvLambda = mustBig("4407920970296243842393367215006156084916469457145843978461")
	glvOmega  = func() (e fp.Element) {
		e.SetBigInt(mustBig("2203960485148121921418603742825762020974279258880205651966"))
		return
	}()
	glvLattice = func() (l ecc.Lattice) { ecc.PrecomputeLattice(fr.Modulus(), glvLambda, &l); return }()
)

func mustBig(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("bad constant " + s)
	}
	return v
}

const (
	scaleWindow = 5                      // wNAF window: digits are odd, |d| < 2^(w-1)
	scaleTable  = 1 << (scaleWindow - 2) // odd multiples P, 3P, ..., 15P
	scaleBlock  = 1024                   // points per batched inversion
	scaleDigits = fr.Bits + 2            // wNAF of a GLV half fits
)

// scalePlan is the scalar's part of the work: its GLV halves as wNAF digits (most significant
// last), with their signs.
type scalePlan struct {
	naf      [2][scaleDigits]int8
	n        int
	negative [2]bool
}

func planScale(s *fr.Element) scalePlan {
	var p scalePlan
	var sb big.Int
	s.BigInt(&sb)
	k := ecc.SplitScalar(&sb, &glvLattice)
	lens := [2]int{}
	for i := range k {
		if k[i].Sign() < 0 {
			k[i].Neg(&k[i])
			p.negative[i] = true
		}
		lens[i] = ecc.WnafDecomposition(&k[i], scaleWindow, p.naf[i][:])
	}
	p.n = max(lens[0], lens[1])
	return p
}

// scaleG1 sets points[i] = [s]points[i] for every i, using all cores.
func scaleG1(points []curve.G1Affine, s *fr.Element) {
	plan := planScale(s)
	var sb big.Int
	s.BigInt(&sb)
	blocks := (len(points) + scaleBlock - 1) / scaleBlock
	next := make(chan int, blocks)
	for b := range blocks {
		next <- b
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), blocks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w scaleWork
			for b := range next {
				block := points[b*scaleBlock : min((b+1)*scaleBlock, len(points))]
				if !w.run(block, &plan) {
					// Two points of a batched step had the same x (not expected for points of
					// prime order: see run): this block point by point.
					for i := range block {
						block[i].ScalarMultiplication(&block[i], &sb)
					}
				}
			}
		}()
	}
	wg.Wait()
}

// scaleWork is one goroutine's scratch space for a block.
type scaleWork struct {
	table   [2][scaleTable][]curve.G1Affine // odd multiples of P, and of phi(P)
	acc     []curve.G1Affine
	operand []curve.G1Affine
	den     []fp.Element
	inv     []fp.Element
	idx     []int // the block's points that are not infinity (their multiples are)
}

// run scales the block in place; it returns false, leaving the block untouched, if a batched
// step met a zero denominator.
func (w *scaleWork) run(block []curve.G1Affine, plan *scalePlan) bool {
	w.idx = w.idx[:0]
	for i := range block {
		if !block[i].IsInfinity() {
			w.idx = append(w.idx, i)
		}
	}
	m := len(w.idx)
	if m == 0 || plan.n == 0 {
		if plan.n == 0 { // s = 0
			for i := range block {
				block[i].SetInfinity()
			}
		}
		return true
	}
	w.resize(m)
	t := &w.table
	for j, i := range w.idx {
		t[0][0][j] = block[i]
	}
	// 2P, then (2k+1)P = (2k-1)P + 2P.
	copy(w.acc, t[0][0])
	if !w.double(w.acc) {
		return false
	}
	for k := 1; k < scaleTable; k++ {
		copy(t[0][k], t[0][k-1])
		if !w.add(t[0][k], w.acc) {
			return false
		}
	}
	for k := range scaleTable {
		for j := range m {
			t[1][k][j].X.Mul(&t[0][k][j].X, &glvOmega)
			t[1][k][j].Y = t[0][k][j].Y
		}
	}
	started := false
	for i := plan.n - 1; i >= 0; i-- {
		if started && !w.double(w.acc) {
			return false
		}
		for h := range 2 {
			d := plan.naf[h][i]
			if d == 0 {
				continue
			}
			neg := (d < 0) != plan.negative[h]
			if d < 0 {
				d = -d
			}
			src := t[h][(d-1)/2]
			if !started {
				copy(w.acc, src)
				if neg {
					negate(w.acc)
				}
				started = true
				continue
			}
			copy(w.operand, src)
			if neg {
				negate(w.operand)
			}
			// acc = c1*P + c2*phi(P) with c1, c2 < 2^128 after at least one doubling since it
			// was set, so acc = ±operand would need c1 + lambda*c2 = ±d*lambda^h (mod r): not
			// for points of prime order; add checks the denominators anyway.
			if !w.add(w.acc, w.operand) {
				return false
			}
		}
	}
	for j, i := range w.idx {
		block[i] = w.acc[j]
	}
	return true
}

func (w *scaleWork) resize(m int) {
	grow := func(s []curve.G1Affine) []curve.G1Affine {
		if cap(s) < m {
			return make([]curve.G1Affine, m)
		}
		return s[:m]
	}
	for h := range w.table {
		for k := range w.table[h] {
			w.table[h][k] = grow(w.table[h][k])
		}
	}
	w.acc, w.operand = grow(w.acc), grow(w.operand)
	if cap(w.den) < m {
		w.den, w.inv = make([]fp.Element, m), make([]fp.Element, m)
	}
	w.den, w.inv = w.den[:m], w.inv[:m]
}

// invertDen sets inv[j] = 1/den[j] for all j with one field inversion; false if a den is 0.
func (w *scaleWork) invertDen() bool {
	var acc fp.Element
	acc.SetOne()
	for j := range w.den {
		if w.den[j].IsZero() {
			return false
		}
		w.inv[j] = acc
		acc.Mul(&acc, &w.den[j])
	}
	acc.Inverse(&acc)
	for j := len(w.den) - 1; j >= 0; j-- {
		w.inv[j].Mul(&w.inv[j], &acc)
		acc.Mul(&acc, &w.den[j])
	}
	return true
}

// add sets r[j] = r[j] + q[j] (affine, r[j] != ±q[j]).
func (w *scaleWork) add(r, q []curve.G1Affine) bool {
	for j := range r {
		w.den[j].Sub(&q[j].X, &r[j].X)
	}
	if !w.invertDen() {
		return false
	}
	var lambda, t, x fp.Element
	for j := range r {
		t.Sub(&q[j].Y, &r[j].Y)
		lambda.Mul(&t, &w.inv[j])
		x.Square(&lambda).Sub(&x, &r[j].X).Sub(&x, &q[j].X)
		t.Sub(&r[j].X, &x)
		t.Mul(&lambda, &t)
		r[j].Y.Sub(&t, &r[j].Y)
		r[j].X = x
	}
	return true
}

// double sets r[j] = 2 r[j] (affine; y != 0 for points of prime order).
func (w *scaleWork) double(r []curve.G1Affine) bool {
	for j := range r {
		w.den[j].Double(&r[j].Y)
	}
	if !w.invertDen() {
		return false
	}
	var lambda, t, x fp.Element
	for j := range r {
		t.Square(&r[j].X)
		lambda.Double(&t).Add(&lambda, &t).Mul(&lambda, &w.inv[j])
		x.Square(&lambda).Sub(&x, &r[j].X).Sub(&x, &r[j].X)
		t.Sub(&r[j].X, &x)
		t.Mul(&lambda, &t)
		r[j].Y.Sub(&t, &r[j].Y)
		r[j].X = x
	}
	return true
}

func negate(points []curve.G1Affine) {
	for j := range points {
		points[j].Y.Neg(&points[j].Y)
	}
}
