package verifier

// BatchPasses reports whether items (all under one key) pass one batch check on a fresh
// Verifier, with no splitting and no fallback to single checks.
func BatchPasses(items []Item) bool {
	v := New()
	var ps []*prepared
	for _, it := range items {
		p, err := v.prepare(it)
		if err != nil || p == nil {
			return false
		}
		ps = append(ps, p)
	}
	return ps[0].key.verifyBatch(ps)
}

// VerifyUnchecked verifies as Verify did before keys were checked for degenerate structure
// (checkStructure): the regression tests use it to show what such a key let through.
func VerifyUnchecked(vk, proof []byte, st Statement) error {
	pts, err := parseVerifyingKey(vk)
	if err != nil {
		return err
	}
	key, err := newVerifyingKey(pts)
	if err != nil {
		return err
	}
	pub, err := publicInputs(st)
	if err != nil {
		return err
	}
	p, err := decodeProof(proof)
	if err != nil {
		return err
	}
	return key.verify(p, pub)
}
