// Package preverify charges for result proofs before anything verifies
// them, and verifies them ahead of execution, so that the message handler
// finds them in the cache of verified proofs instead of running a pairing
// check inside FinalizeBlock, where everything runs on one core. The app
// builds one verifier.Verifier and hands it to x/taskpool's keeper and to
// everything here, so that they share its caches:
//
//   - GasDecorator, in the ante handler of every mode, charges
//     verifier.VerifyGas for every MsgSubmitResult a transaction carries
//     (inside authz MsgExec too) before any verification it could trigger;
//     the handler charges nothing more for verifying. A result that is
//     invalid or unauthorised has cost its signer that gas;
//   - an ante decorator verifies each top-level MsgSubmitResult of a
//     transaction in CheckTx, or hands it to background verifiers (Async). A
//     top-level result is signed by its worker, so a failed proof marks its
//     signer suspect and nobody else; results inside MsgExec are left to the
//     handler, which verifies them only once authz has found a grant;
//   - a ProcessProposal handler verifies a proposed block's top-level
//     results in parallel on every core before the block is executed: the
//     first result of each task, at most ProposalLimit proofs not already
//     cached, so a proposal stuffed with bogus results costs a validator no
//     more than a large block of valid ones (BENCHMARKS.md). Every validator,
//     the proposer included, runs it.
//
// Nothing here keeps a transaction out of a block: a result whose proof is
// invalid is refused by CheckTx (with the verifier's error) or by the
// handler in its block, so its submitter always gets an answer.
//
// The pre-verifiers build each statement with the x/taskpool keeper's
// ResultStatement, the function the handler itself uses, so they verify
// exactly what the handler will look up. None changes what FinalizeBlock
// computes: the gas is charged by the ante handler whatever any cache holds,
// and the handler calls Verifier.Verify either way; a cached proof only
// answers faster. A pre-verifier that fails, for any reason including a
// panic, just leaves the work to the handler.
package preverify
