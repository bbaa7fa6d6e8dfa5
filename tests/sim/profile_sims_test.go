//go:build sims

package sim

// profile is the long simulation of `make test-sim`: ten seeds of 200
// blocks of up to 100 operations (the seeds of the SDK's simulation runner),
// three of them run again for determinism and import/export.
var profile = simProfile{
	seeds:      []int64{1, 2, 4, 7, 32, 123, 124, 582, 1893, 2989},
	checkSeeds: 3,
	numBlocks:  200,
	blockSize:  100,
}
