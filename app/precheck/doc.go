// Package precheck refuses in CheckTx a transaction whose hyra messages
// would fail in a block: a wrong denom, an unknown model or pool, a deadline
// too close, an input the model's schema refuses, a gas limit too low. In SDK
// v0.53 CheckTx runs only the ante handler, so without it such a transaction
// is accepted (code 0), enters a block, fails there, and costs its fee.
//
// It runs the messages through the application's own message router, the
// handlers the block will run, so there is no second copy of the rules to
// drift from them. It runs them:
//
//   - only for a new transaction in CheckTx, never in re-check, simulation or
//     block execution, so it cannot change a block's outcome, gas or state;
//   - on a branch of the check state that is thrown away, with an event
//     manager and a gas meter of its own (its limit is the transaction's, so
//     the work done is bounded by what the transaction would pay for in a
//     block, and a gas limit too low is reported here too);
//   - in order, stopping at the first message it does not run (later messages
//     may depend on that one's effects), and after MaxGas: only messages
//     whose handlers read and write a few keys and do no cryptography, so
//     that CheckTx, which runs under the ABCI lock and refuses for free, costs
//     a few times what the ante handler already costs (see msgs.go).
//
// It judges a transaction against the last committed state and block time,
// not against transactions still in the mempool: one that depends on another
// not yet in a block (a pool for a model registered in the same block, say)
// is refused, and is sent again once the first is committed.
package precheck
