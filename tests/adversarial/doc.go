// Package adversarial is the table of attacks on the real hyrad app: replayed
// and rebound proofs, tampered results, oversized and garbage inputs, claims
// out of turn, escrow tampering, rounding at the smallest reward, a mass
// expiry and authz MsgExec. Each attack must fail with a clear error, leave
// the state as it was and keep the escrow invariant (taskpool escrow account
// == the sum of OPEN and CLAIMED escrows). The table in table_test.go lists
// every case; the module tests cover many of them one by one, this package
// runs them all in one place against the wired app. FuzzMsgs feeds the same
// app arbitrary encodings of every Hyra message.
package adversarial
