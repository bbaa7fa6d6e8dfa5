// Package preverify verifies result proofs ahead of execution, so that the
// message handler finds them in zk/verifier's cache of verified proofs
// instead of running a pairing check inside FinalizeBlock, where everything
// runs on one core:
//
//   - an ante decorator verifies each MsgSubmitResult of a transaction in
//     CheckTx (also inside authz MsgExec), which also keeps invalid proofs out
//     of the mempool and so out of blocks;
//   - a ProcessProposal handler verifies a proposed block's results in
//     parallel on every core before the block is executed; every validator,
//     the proposer included, runs it.
//
// Both build each statement with the x/taskpool keeper's ResultStatement,
// the function the handler itself uses, so they verify exactly what the
// handler will look up. Neither changes what FinalizeBlock computes: the
// handler calls verifier.Verify either way and charges the same gas; a
// cached proof only answers faster. A pre-verifier that fails, for any
// reason including a panic, just leaves the work to the handler.
package preverify
