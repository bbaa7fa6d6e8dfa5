package main

import (
	"crypto/sha256"
	"fmt"
	"time"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// benchChainID is the chain id of every chain the bench starts: a proof is
// bound to it, so proofs cached by one run verify on the next run's chains.
const benchChainID = "hyra-bench-1"

// Genesis account numbers. Keys are derived from fixed seeds and put in
// genesis with fixed account numbers, so that transactions are signed
// offline, with known numbers and sequences, and the workers' addresses (to
// which proofs are bound) are the same in every run.
const (
	ownerNumber         = 1000
	clientNumber        = 1001
	latencyWorkerNumber = 1010 // up to maxLatencyWorkers of them
	maxLatencyWorkers   = 10
	workerNumber        = 2000 // throughput worker i has workerNumber+i
)

// account is a key with its on-chain account number and next sequence, or
// (unordered, when timeout is set) the timeout of its next transaction.
type account struct {
	name    string
	priv    *secp256k1.PrivKey
	addr    sdk.AccAddress
	number  uint64
	seq     uint64
	timeout time.Time
}

// newAccount derives the key of name from a fixed seed.
func newAccount(name string, number uint64) *account {
	sum := sha256.Sum256([]byte("hyra-bench/" + name))
	priv := &secp256k1.PrivKey{Key: sum[:]}
	return &account{name: name, priv: priv, addr: sdk.AccAddress(priv.PubKey().Address()), number: number}
}

// throughputWorker is the worker that holds task i+1 in the throughput run.
func throughputWorker(i int) *account {
	return newAccount(fmt.Sprintf("worker-%d", i), workerNumber+uint64(i)) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
}

// latencyWorker is one of the worker daemons of the latency run.
func latencyWorker(i int) *account {
	return newAccount(fmt.Sprintf("latency-worker-%d", i), latencyWorkerNumber+uint64(i)) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
}

func ownerAccount() *account  { return newAccount("owner", ownerNumber) }
func clientAccount() *account { return newAccount("client", clientNumber) }
