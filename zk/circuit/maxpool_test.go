package circuit

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
)

type max2Circuit struct {
	A, B, Want frontend.Variable
	ia, ib     artifact.Interval `gnark:"-"`
}

func (c *max2Circuit) Define(api frontend.API) error {
	m, _ := max2(api, c.A, c.ia, c.B, c.ib)
	api.AssertIsEqual(m, c.Want)
	return nil
}

// TestMax2MatchesNative checks every pair of values of overlapping, disjoint, touching and
// power-of-two ranges: the gadget gives max(a, b), and neither other value satisfies it.
func TestMax2MatchesNative(t *testing.T) {
	ranges := [][2]int64{{-9, 9}, {-16, 15}, {0, 7}, {3, 12}, {-20, -10}, {9, 11}, {-1, 0}}
	for _, ra := range ranges {
		for _, rb := range ranges {
			ia, ib := artifact.Interval{Lo: ra[0], Hi: ra[1]}, artifact.Interval{Lo: rb[0], Hi: rb[1]}
			shape := &max2Circuit{ia: ia, ib: ib}
			for a := ia.Lo; a <= ia.Hi; a++ {
				for b := ib.Lo; b <= ib.Hi; b++ {
					want := max(a, b)
					ok := &max2Circuit{A: a, B: b, Want: want, ia: ia, ib: ib}
					require.NoError(t, test.IsSolved(shape, ok, ecc.BN254.ScalarField()), "%v %v a=%d b=%d", ia, ib, a, b)
					for _, w := range []int64{want + 1, min(a, b) - 1} {
						bad := &max2Circuit{A: a, B: b, Want: w, ia: ia, ib: ib}
						require.Error(t, test.IsSolved(shape, bad, ecc.BN254.ScalarField()), "%v %v a=%d b=%d want %d", ia, ib, a, b, w)
					}
				}
			}
		}
	}
}

// windowCircuit takes the max of a window of values in [lo, hi] with the pairwise gadget or the
// hinted one below, to compare their constraint counts.
type windowCircuit struct {
	X      []frontend.Variable
	lo, hi int64 `gnark:"-"`
	hinted bool  `gnark:"-"`
}

func (c *windowCircuit) Define(api frontend.API) error {
	iv := artifact.Interval{Lo: c.lo, Hi: c.hi}
	var m frontend.Variable
	if c.hinted {
		m = hintedMax(api, c.X, iv)
	} else {
		m, _ = c.X[0], iv
		for _, x := range c.X[1:] {
			m, _ = max2(api, m, iv, x, iv)
		}
	}
	api.AssertIsDifferent(m, -1) // use m
	return nil
}

// hintedMax is the alternative to pairwise comparisons: the prover supplies m; m - x_i is
// range-checked non-negative for every i, and prod (m - x_i) == 0 makes m one of the x_i.
func hintedMax(api frontend.API, x []frontend.Variable, iv artifact.Interval) frontend.Variable {
	out, err := api.Compiler().NewHint(maxHint, 1, x...)
	if err != nil {
		panic(err)
	}
	m := out[0]
	n := int(ceilLog2(uint64(iv.Hi-iv.Lo) + 1))
	prod := frontend.Variable(1)
	for _, xi := range x {
		d := api.Sub(m, xi)
		api.ToBinary(d, n)
		prod = api.Mul(prod, d)
	}
	api.AssertIsEqual(prod, 0)
	return m
}

func maxHint(_ *big.Int, in, out []*big.Int) error {
	half := new(big.Int).Rsh(ecc.BN254.ScalarField(), 1)
	signed := func(v *big.Int) *big.Int {
		if v.Cmp(half) > 0 {
			return new(big.Int).Sub(v, ecc.BN254.ScalarField())
		}
		return v
	}
	best := signed(in[0])
	for _, v := range in[1:] {
		if s := signed(v); s.Cmp(best) > 0 {
			best = s
		}
	}
	out[0].Mod(best, ecc.BN254.ScalarField())
	return nil
}

func init() { solver.RegisterHint(maxHint) }

// TestMaxGadgetCosts measures both max gadgets on 2x2 and 3x3 windows for the value widths of a
// LeNet-like CNN's pooled accumulators (about 20 and 30 bits) and of int8 activations, and
// keeps pairwise comparisons only while they are the cheaper (the figures are in zk/README.md).
func TestMaxGadgetCosts(t *testing.T) {
	for _, bitsWide := range []uint{8, 20, 30} {
		for _, k := range []int{4, 9} {
			count := func(hinted bool) int {
				c := &windowCircuit{X: make([]frontend.Variable, k), lo: -(1 << (bitsWide - 1)), hi: 1<<(bitsWide-1) - 1, hinted: hinted}
				ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
				require.NoError(t, err)
				return ccs.GetNbConstraints()
			}
			pairwise, hinted := count(false), count(true)
			t.Logf("window %d, %d-bit values: pairwise %d, hinted %d constraints", k, bitsWide, pairwise, hinted)
			require.Less(t, pairwise, hinted)
		}
	}
}
