// Package sim runs the SDK's randomized app simulation (simsx) on the real
// hyrad app: every standard module's operations, plus every message of the
// four Hyra modules with real model files and real Groth16 proofs, with the
// escrow and bond invariants checked as it goes.
//
// The tests live here rather than in app/ because they need the worker's
// side of the network, the bundled iris model and its prover, which the
// chain does not link. `make test` runs short simulations; `make test-sim`
// runs long ones (build tag sims).
package sim
