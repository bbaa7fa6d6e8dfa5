// Package localnet runs a multi-validator hyra network as hyrad processes on
// 127.0.0.1: it initialises one home per validator (hyrad init, keys add,
// genesis accounts, gentx, collect-gentxs on the first node, the same genesis
// everywhere), gives every node its own loopback ports and the others as
// persistent peers, and starts, stops, kills and restarts the processes.
//
// Both `make localnet` (tools/localnet) and the fault tests (tests/faults)
// use it, so the network a person tries by hand is the one the tests break.
// It drives the real binary rather than an in-process app because the faults
// it exists for (SIGKILL, lost quorum, catch-up, export of a stopped node)
// only happen to real processes.
//
// It only uses the standard library, so `go run` of the command is quick.
package localnet
