package verifier

// BatchPasses reports whether items (uncached, all under one key) pass one batch check, with
// no splitting and no fallback to single checks.
func BatchPasses(items []Item) bool {
	var ps []*prepared
	for _, it := range items {
		p, err := prepare(it)
		if err != nil || p == nil {
			return false
		}
		ps = append(ps, p)
	}
	return ps[0].key.verifyBatch(ps)
}
