// Package commit computes, outside any circuit, the field elements that the Hyra inference circuit
// takes as public inputs: commitments to the input and output vectors and the binding of a proof
// to (chain id, task id, worker). The chain recomputes them from its own state, so this package
// must agree bit for bit with the in-circuit gadget in zk/circuit (a test there checks it).
package commit

import (
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

// Poseidon2 parameters: width 2 (a 2-to-1 compression function), 6 full rounds, 50 partial
// rounds, the round keys gnark-crypto derives for these parameters. The circuit pins the same
// three numbers rather than relying on library defaults.
const (
	Width         = 2
	FullRounds    = 6
	PartialRounds = 50
)

var permutation = sync.OnceValue(func() *poseidon2.Permutation {
	return poseidon2.NewPermutation(Width, FullRounds, PartialRounds)
})

// Hash is the Merkle-Damgard hash over field elements with a zero initial state and the
// feed-forward compression f(s, m) = P(s, m)[1] + m, as gnark's std/hash and gnark-crypto's
// hash.NewMerkleDamgardHasher build it from Poseidon2. No padding is applied: every caller fixes
// the number of elements through a header element, which makes the encoding prefix-free.
func Hash(elems ...fr.Element) fr.Element {
	return absorb(fr.Element{}, elems...)
}

// absorb continues Hash from an intermediate state: Hash(a..., b...) = absorb(Hash(a...), b...).
// It lets many hashes that share a prefix (the keystream of one blinding) hash it once.
func absorb(state fr.Element, elems ...fr.Element) fr.Element {
	perm := permutation()
	for i := range elems {
		x := [2]fr.Element{state, elems[i]}
		if err := perm.Permutation(x[:]); err != nil {
			panic(err) // only possible for a width mismatch, fixed above
		}
		state.Add(&x[1], &elems[i])
	}
	return state
}
