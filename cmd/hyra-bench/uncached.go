package main

import "github.com/hyra-network/hyra/zk/verifier"

// verifyUncached is a full verification, never answered from the cache of
// verified proofs: the raw rate is what a validator pays for a proof it has
// not seen.
var verifyUncached = verifier.VerifyUncached
