//go:build !sims

package sim

// profile is the short simulation of `make test`: a few dozen blocks, enough
// for models, pools, tasks, claims, proofs, expiries and proposals to
// happen, in about 45 seconds for the three tests on two cores.
var profile = simProfile{
	seeds:      []int64{1, 2, 3},
	checkSeeds: 3,
	numBlocks:  35,
	blockSize:  50,
}
