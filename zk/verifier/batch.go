package verifier

import (
	"crypto/rand"
	"crypto/sha256"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
)

// Item is one proof of a batch, with the key and statement it is checked against.
type Item struct {
	VK, Proof []byte
	St        Statement
}

// VerifyBatch verifies items and returns one answer per item, the one Verify gives (nil: the
// proof verified). Proofs under the same key are checked together: one pairing equation with a
// random coefficient per proof, which costs one variable Miller loop per proof but a single
// final exponentiation and a single fixed-key Miller loop for the whole batch, about half the
// work of separate checks. A batch that fails is split in halves until each invalid proof is
// found alone, so an invalid proof costs its batch about log2(n) extra checks and changes no
// other item's answer. Proofs that verified go to the verified-proof cache, as with Verify.
//
// The coefficients come from crypto/rand after the proofs are fixed, so a batch holding an
// invalid proof passes with probability at most 2^-128, below BN254's own security level. Only
// the pre-verifiers batch (their only effect is the cache); the handler verifies a proof it does
// not find cached alone, deterministically.
func (v *Verifier) VerifyBatch(items []Item) []error {
	errs := make([]error, len(items))
	var groups []*batchGroup
	for i, it := range items {
		p, err := v.prepare(it)
		if err != nil {
			errs[i] = err
			continue
		}
		if p == nil { // already verified
			continue
		}
		p.index = i
		g := groupFor(&groups, p)
		g.items = append(g.items, p)
	}
	for _, g := range groups {
		v.timed(len(g.items), func() { g.key.check(g.items, errs) })
	}
	for _, g := range groups {
		for _, p := range g.items {
			if errs[p.index] == nil {
				v.verified.Add(p.id)
			}
		}
	}
	return errs
}

// prepared is an item decoded for the pairing check; nil when the cache already holds it.
type prepared struct {
	index  int
	id     [32]byte
	vkHash [32]byte
	key    *verifyingKey
	proof  *proof
	pub    [commit.NbPublic]frElement
}

// prepare runs Verify's steps up to the pairing: sizes, cache lookup, statement, key, proof.
func (v *Verifier) prepare(it Item) (*prepared, error) {
	if err := checkSizes(it.VK, it.Proof); err != nil {
		return nil, err
	}
	p := &prepared{vkHash: sha256.Sum256(it.VK)}
	p.id = verifiedKey(p.vkHash, it.Proof, it.St)
	if v.verified.Has(p.id) {
		return nil, nil
	}
	var err error
	if p.pub, err = publicInputs(it.St); err != nil {
		return nil, err
	}
	if p.key, err = v.keys.key(p.vkHash, it.VK); err != nil {
		return nil, err
	}
	if p.proof, err = decodeProof(it.Proof); err != nil {
		return nil, err
	}
	return p, nil
}

// batchGroup is the items of one verifying key, in the order given.
type batchGroup struct {
	vkHash [32]byte
	key    *verifyingKey
	items  []*prepared
}

// groupFor returns the group of p's key, adding it; batches hold few distinct keys, so a scan
// is enough.
func groupFor(groups *[]*batchGroup, p *prepared) *batchGroup {
	for _, g := range *groups {
		if g.vkHash == p.vkHash {
			return g
		}
	}
	g := &batchGroup{vkHash: p.vkHash, key: p.key}
	*groups = append(*groups, g)
	return g
}

// check sets errs for items: a batch check, split in halves on failure, and single checks
// (which give Verify's exact error) at the leaves.
func (vk *verifyingKey) check(items []*prepared, errs []error) {
	switch {
	case len(items) == 0:
	case len(items) == 1:
		errs[items[0].index] = vk.verify(items[0].proof, items[0].pub)
	case vk.verifyBatch(items):
	default:
		h := len(items) / 2
		vk.check(items[:h], errs)
		vk.check(items[h:], errs)
	}
}

// verifyBatch checks, with random 128-bit r_i,
//
//	prod_i e(r_i Ar_i, Bs_i) * e(sum_i r_i Krs_i, -delta) * e(sum_i r_i L_i, -gamma) == e(alpha, beta)^(sum_i r_i)
//
// where L_i = K0 + sum_j pub_ij K_j, so sum_i r_i L_i = (sum_i r_i) K0 + sum_j (sum_i r_i pub_ij) K_j
// is a multi-exponentiation over the key's few K points. Every proof point was subgroup-checked
// when decoded, so each proof's pairing quotient lies in the order-q group GT; if one is not 1,
// the product is 1 for at most one value of its r_i in 2^128.
func (vk *verifyingKey) verifyBatch(items []*prepared) bool {
	n := len(items)
	rs := make([]fr.Element, n)
	ars := make([]curve.G1Affine, n)
	bss := make([]curve.G2Affine, n)
	krs := make([]curve.G1Affine, n)
	var kScalars [commit.NbPublic + 1]fr.Element // sum r_i, then sum_i r_i pub_ij
	var buf [16]byte
	var rb big.Int
	for i, p := range items {
		_, _ = rand.Read(buf[:]) // never fails (crypto/rand aborts the process instead)
		rs[i].SetBytes(buf[:])
		if rs[i].IsZero() {
			rs[i].SetOne()
		}
		kScalars[0].Add(&kScalars[0], &rs[i])
		for j := range p.pub {
			var t fr.Element
			t.Mul(&p.pub[j], &rs[i])
			kScalars[j+1].Add(&kScalars[j+1], &t)
		}
		ars[i].ScalarMultiplication(&p.proof.ar, rs[i].BigInt(&rb))
		bss[i] = p.proof.bs
		krs[i] = p.proof.krs
	}
	single := ecc.MultiExpConfig{NbTasks: 1}
	var krsSum, lSum curve.G1Affine
	if _, err := krsSum.MultiExp(krs, rs, single); err != nil {
		return false
	}
	if _, err := lSum.MultiExp(vk.k[:], kScalars[:], single); err != nil {
		return false
	}
	lines := linesPool.Get().(*linesBuf)
	defer linesPool.Put(lines)
	copy(lines[:], vk.lines)
	fixed, err := curve.MillerLoopFixedQ([]curve.G1Affine{krsSum, lSum}, lines[:])
	if err != nil {
		return false
	}
	ab, err := curve.MillerLoop(ars, bss)
	if err != nil {
		return false
	}
	got := curve.FinalExponentiation(&fixed, &ab)
	var want curve.GT
	want.CyclotomicExp(vk.alphaBeta, kScalars[0].BigInt(&rb))
	return got.Equal(&want)
}
