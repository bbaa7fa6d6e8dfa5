package ceremony

import (
	"math/big"
	"math/bits"
	"runtime"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	"github.com/consensys/gnark-crypto/parallel"
)

// The Lagrange-basis conversion of phase 1 ([L_i(τ)] from [τ^i]), as gnark's mpcsetup does it
// (lagrangeCoeffsG1/G2 and difFFT in gnark v0.16.1 backend/groth16/bn254/mpcsetup/lagrange.go,
// Copyright Consensys Software Inc., Apache License 2.0): an inverse FFT over curve points, then
// a scaling by 1/n, then bit reversal. gnark works in affine coordinates, paying a field
// inversion for every butterfly and every twiddle multiplication; here the transform runs in
// Jacobian coordinates and converts once at the end. The points are the same group elements,
// so their affine encodings are identical.

// jacobian is a point type in Jacobian coordinates (curve.G1Jac, curve.G2Jac).
type jacobian[J any] interface {
	*J
	AddAssign(*J) *J
	SubAssign(*J) *J
	ScalarMultiplication(*J, *big.Int) *J
}

// lagrangeG1 returns [L_{ω^i}(τ)]₁ for i < size from powers [τ^i]₁.
func lagrangeG1(powers []curve.G1Affine, size int) []curve.G1Affine {
	jac := make([]curve.G1Jac, size)
	parallel.Execute(size, func(start, end int) {
		for i := start; i < end; i++ {
			jac[i].FromAffine(&powers[i])
		}
	})
	toLagrange[curve.G1Jac](jac)
	return curve.BatchJacobianToAffineG1(jac)
}

// lagrangeG2 returns [L_{ω^i}(τ)]₂ for i < size from powers [τ^i]₂.
func lagrangeG2(powers []curve.G2Affine, size int) []curve.G2Affine {
	jac := make([]curve.G2Jac, size)
	parallel.Execute(size, func(start, end int) {
		for i := start; i < end; i++ {
			jac[i].FromAffine(&powers[i])
		}
	})
	toLagrange[curve.G2Jac](jac)
	return affineG2(jac)
}

// affineG2 converts G2 points to affine coordinates.
func affineG2(jac []curve.G2Jac) []curve.G2Affine {
	res := make([]curve.G2Affine, len(jac))
	parallel.Execute(len(jac), func(start, end int) {
		for i := start; i < end; i++ {
			res[i].FromJacobian(&jac[i])
		}
	})
	return res
}

// toLagrange turns coeffs (powers of τ, length a power of two) into the Lagrange basis in place.
func toLagrange[J any, P jacobian[J]](coeffs []J) {
	domain := fft.NewDomain(uint64(len(coeffs)))
	maxSplits := bits.TrailingZeros64(ecc.NextPowerOfTwo(uint64(runtime.NumCPU()))) //nolint:gosec // G115: CPU counts and bit lengths are small and non-negative
	twiddlesInv, _ := domain.TwiddlesInv()
	difFFT[J, P](coeffs, twiddlesInv, 0, maxSplits)
	bitReverse(coeffs)
	var inv big.Int
	domain.CardinalityInv.BigInt(&inv)
	parallel.Execute(len(coeffs), func(start, end int) {
		for i := start; i < end; i++ {
			P(&coeffs[i]).ScalarMultiplication(&coeffs[i], &inv)
		}
	})
}

// butterfly sets a, b = a+b, a-b.
func butterfly[J any, P jacobian[J]](a, b *J) {
	t := *a
	P(a).AddAssign(b)
	P(&t).SubAssign(b)
	*b = t
}

// difFFT is gnark's decimation-in-frequency FFT (without its size-8 kernel, which unrolls the
// same steps). The halves are disjoint, so splitting them over goroutines does not change the
// result.
func difFFT[J any, P jacobian[J]](a []J, twiddles [][]fr.Element, stage, maxSplits int) {
	n := len(a)
	if n == 1 {
		return
	}
	m := n >> 1
	butterfly[J, P](&a[0], &a[m])
	var twiddle big.Int
	for i := 1; i < m; i++ {
		butterfly[J, P](&a[i], &a[i+m])
		twiddles[stage][i].BigInt(&twiddle)
		P(&a[i+m]).ScalarMultiplication(&a[i+m], &twiddle)
	}
	if m == 1 {
		return
	}
	if stage < maxSplits {
		done := make(chan struct{})
		go func() {
			difFFT[J, P](a[m:n], twiddles, stage+1, maxSplits)
			close(done)
		}()
		difFFT[J, P](a[0:m], twiddles, stage+1, maxSplits)
		<-done
		return
	}
	difFFT[J, P](a[0:m], twiddles, stage+1, maxSplits)
	difFFT[J, P](a[m:n], twiddles, stage+1, maxSplits)
}

func bitReverse[T any](a []T) {
	n := uint64(len(a))
	nn := uint64(64 - bits.TrailingZeros64(n)) //nolint:gosec // G115: CPU counts and bit lengths are small and non-negative
	for i := uint64(0); i < n; i++ {
		irev := bits.Reverse64(i) >> nn
		if irev > i {
			a[i], a[irev] = a[irev], a[i]
		}
	}
}
