package commit

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Domain tags of private tasks (/work/contracts/private-tasks.md, zk/README.md "Private tasks").
const (
	TagHidingInput  = "hyra/qnn/v1/hiding-input"
	TagSealedOutput = "hyra/qnn/v1/sealed-output"
	TagKeystream    = "hyra/qnn/v1/keystream"
)

// SealedElemSize is the encoded size of one sealed output element: a BN254 scalar, big-endian.
const SealedElemSize = fr.Bytes

// HidingInput is the input commitment of a task on a private-capable model:
// Hash(Header(TagHidingInput, 0), cIn, r), where cIn is the input commitment under the model's
// input scheme and r the task's blinding. With r uniform in Fr it reveals nothing about the input
// (Poseidon2 as a hiding commitment), and it still binds the exact input through cIn. Public
// tasks on a private-capable model use r = 0.
func HidingInput(cIn, r fr.Element) fr.Element {
	return Hash(Header(TagHidingInput, 0), cIn, r)
}

// Keystream is the i-th keystream element of blinding r: Hash(Header(TagKeystream, 0), r, i),
// Poseidon2 as a PRF keyed by r in counter mode; i counts the output elements from 0.
func Keystream(r fr.Element, i int) fr.Element {
	return keystreamAt(keystreamPrefix(r), i)
}

// keystreamPrefix is the hash state after Header(TagKeystream, 0) and r, shared by every
// keystream element of r: each element then costs one Poseidon2 call, not three.
func keystreamPrefix(r fr.Element) fr.Element {
	return Hash(Header(TagKeystream, 0), r)
}

func keystreamAt(prefix fr.Element, i int) fr.Element {
	var idx fr.Element
	idx.SetUint64(uint64(i)) //nolint:gosec // G115: an output index, 0 <= i < MaxLen
	return absorb(prefix, idx)
}

// SealOutput encrypts a model output under blinding r: ct_i = y_i + Keystream(r, i) mod p, with
// y_i a signed integer read as a field element (-1 is p - 1). The circuit of a private-capable
// model proves this relation for the model's output, so whoever knows r decrypts exactly it.
func SealOutput(y []int64, r fr.Element) ([]fr.Element, error) {
	if len(y) == 0 || len(y) > MaxLen {
		return nil, fmt.Errorf("%w: length %d outside [1, %d]", ErrValue, len(y), MaxLen)
	}
	ct := make([]fr.Element, len(y))
	prefix := keystreamPrefix(r)
	for i, v := range y {
		if v < MinValue || v > MaxValue {
			return nil, fmt.Errorf("%w: element %d = %d outside [%d, %d]", ErrValue, i, v, MinValue, MaxValue)
		}
		ks := keystreamAt(prefix, i)
		var e fr.Element
		e.SetInt64(v)
		ct[i].Add(&e, &ks)
	}
	return ct, nil
}

// OpenOutput decrypts a sealed output with blinding r: y_i = ct_i - Keystream(r, i), read as the
// signed integer nearest zero. Every value must lie in [lo, hi] (the model's output range, or
// [MinValue, MaxValue]): under a wrong r or for garbage each y_i is a uniform field element,
// which falls in such a range with probability about 2^-222, so the error is how a client tells.
func OpenOutput(ct []fr.Element, r fr.Element, lo, hi int64) ([]int64, error) {
	if len(ct) == 0 || len(ct) > MaxLen {
		return nil, fmt.Errorf("%w: length %d outside [1, %d]", ErrValue, len(ct), MaxLen)
	}
	half := new(big.Int).Rsh(fr.Modulus(), 1)
	y := make([]int64, len(ct))
	prefix := keystreamPrefix(r)
	var v big.Int
	for i := range ct {
		ks := keystreamAt(prefix, i)
		var e fr.Element
		e.Sub(&ct[i], &ks)
		e.BigInt(&v)
		if v.Cmp(half) > 0 {
			v.Sub(&v, fr.Modulus())
		}
		if !v.IsInt64() || v.Int64() < lo || v.Int64() > hi {
			return nil, fmt.Errorf("%w: sealed element %d does not open into [%d, %d] (wrong blinding?)", ErrValue, i, lo, hi)
		}
		y[i] = v.Int64()
	}
	return y, nil
}

// SealedOutputCommitment is the output commitment of a task on a private-capable model:
// Hash(Header(TagSealedOutput, n), ct_0..ct_{n-1}). The chain computes it from the submitted ct.
func SealedOutputCommitment(ct []fr.Element) fr.Element {
	elems := make([]fr.Element, 0, len(ct)+1)
	elems = append(elems, Header(TagSealedOutput, len(ct)))
	return Hash(append(elems, ct...)...)
}

// EncodeSealed is the canonical encoding of a sealed output, what a result carries: each element
// as SealedElemSize bytes big-endian, concatenated, no length prefix.
func EncodeSealed(ct []fr.Element) []byte {
	b := make([]byte, 0, len(ct)*SealedElemSize)
	for i := range ct {
		e := ct[i].Bytes()
		b = append(b, e[:]...)
	}
	return b
}

// DecodeSealed reads exactly n sealed elements (1 <= n <= MaxLen) from b, refusing a wrong length
// and any element at or above the modulus, so every accepted byte string re-encodes to itself.
func DecodeSealed(b []byte, n int) ([]fr.Element, error) {
	if n < 1 || n > MaxLen {
		return nil, fmt.Errorf("%w: sealed length %d outside [1, %d]", ErrValue, n, MaxLen)
	}
	if len(b) != n*SealedElemSize {
		return nil, fmt.Errorf("%w: sealed output is %d bytes, want %d (%d elements)", ErrValue, len(b), n*SealedElemSize, n)
	}
	ct := make([]fr.Element, n)
	for i := range ct {
		if err := ct[i].SetBytesCanonical(b[i*SealedElemSize : (i+1)*SealedElemSize]); err != nil {
			return nil, fmt.Errorf("%w: sealed element %d: %w", ErrValue, i, err)
		}
	}
	return ct, nil
}

// PrivatePublicInputs returns the public inputs of a private-capable model's circuit, in the
// order of PublicInputs: [Binding(chainID, taskID, worker), hidingInput,
// SealedOutputCommitment(ct)]. hidingInput is the task's stored HidingInput.
func PrivatePublicInputs(chainID string, taskID uint64, worker []byte, hidingInput fr.Element, ct []fr.Element) ([NbPublic]fr.Element, error) {
	var pub [NbPublic]fr.Element
	if len(ct) == 0 || len(ct) > MaxLen {
		return pub, fmt.Errorf("%w: sealed length %d outside [1, %d]", ErrValue, len(ct), MaxLen)
	}
	var err error
	if pub[0], err = Binding(chainID, taskID, worker); err != nil {
		return pub, err
	}
	pub[1] = hidingInput
	pub[2] = SealedOutputCommitment(ct)
	return pub, nil
}
