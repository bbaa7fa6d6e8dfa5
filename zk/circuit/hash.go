package circuit

import (
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/hash"
	"github.com/consensys/gnark/std/permutation/poseidon2"

	"github.com/hyra-network/hyra/zk/commit"
)

// Hash is the in-circuit counterpart of commit.Hash: Merkle-Damgard over Poseidon2 with the same
// pinned parameters and a zero initial state.
func Hash(api frontend.API, elems ...frontend.Variable) (frontend.Variable, error) {
	return absorb(api, 0, elems...)
}

// absorb continues Hash from an intermediate state: Hash(a..., b...) = absorb(Hash(a...), b...),
// so hashes sharing a prefix (a blinding's keystream) hash it once.
func absorb(api frontend.API, state frontend.Variable, elems ...frontend.Variable) (frontend.Variable, error) {
	perm, err := poseidon2.NewPoseidon2FromParameters(api, commit.Width, commit.FullRounds, commit.PartialRounds)
	if err != nil {
		return nil, err
	}
	h := hash.NewMerkleDamgardHasher(api, perm, state)
	h.Write(elems...)
	return h.Sum(), nil
}

// CommitVector is the in-circuit counterpart of commit.Vector. The caller guarantees that every
// value lies in the 32-bit lane range (inputs are range-checked, outputs are bounded by the
// artifact's range analysis), so the linear packing below is injective.
func CommitVector(api frontend.API, tag string, v []frontend.Variable) (frontend.Variable, error) {
	header := commit.Header(tag, len(v))
	elems := []frontend.Variable{header.BigInt(new(big.Int))}
	offset := new(big.Int).Neg(big.NewInt(commit.MinValue))
	for i := 0; i < len(v); i += commit.LanesPerElement {
		var terms []frontend.Variable
		for j := 0; j < commit.LanesPerElement && i+j < len(v); j++ {
			shift := new(big.Int).Lsh(big.NewInt(1), uint(j*commit.LaneBits))
			lane := api.Add(v[i+j], offset)
			terms = append(terms, api.Mul(lane, shift))
		}
		elems = append(elems, sum(api, terms))
	}
	return Hash(api, elems...)
}

// CommitInput is the in-circuit counterpart of commit.InputScheme.Commit: CommitVector with
// TagInput for the v1 packing, else the dense lanes v - s.Min. Define range-checks every input to
// bitlen(max - min) bits first, which is s.LaneBits for the artifact's scheme, so no lane
// overflows into the next and the packing is injective.
func CommitInput(api frontend.API, s commit.InputScheme, v []frontend.Variable) (frontend.Variable, error) {
	if !s.Dense() {
		return CommitVector(api, commit.TagInput, v)
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	header := commit.Header(s.Tag(), len(v))
	elems := []frontend.Variable{header.BigInt(new(big.Int))}
	per := s.LanesPerElement()
	for i := 0; i < len(v); i += per {
		var terms []frontend.Variable
		for j := 0; j < per && i+j < len(v); j++ {
			shift := new(big.Int).Lsh(big.NewInt(1), uint(j)*uint(s.LaneBits))
			terms = append(terms, api.Mul(api.Sub(v[i+j], s.Min), shift))
		}
		elems = append(elems, sum(api, terms))
	}
	return Hash(api, elems...)
}

// sum adds any number of terms; gnark's Add needs at least two.
func sum(api frontend.API, terms []frontend.Variable) frontend.Variable {
	switch len(terms) {
	case 0:
		return 0
	case 1:
		return terms[0]
	default:
		return api.Add(terms[0], terms[1], terms[2:]...)
	}
}
