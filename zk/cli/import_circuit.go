package cli

import (
	"fmt"
	"io"
	"math/bits"
	"time"

	"github.com/consensys/gnark/constraint"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
)

// printCircuitFigures compiles the artifact's circuit and prints its constraint count and the
// estimated proving key size (a real setup takes about a minute per 100k constraints).
func printCircuitFigures(w io.Writer, a *artifact.Artifact) error {
	start := time.Now()
	ccs, err := circuit.Compile(a)
	if err != nil {
		return fmt.Errorf("compile the circuit: %w", err)
	}
	fmt.Fprintf(w, "circuit: %d R1CS constraints, %d wires (compiled in %s)\n", ccs.GetNbConstraints(),
		wires(ccs), time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(w, "proving key: about %.1f MB (estimated from the constraint system; `hyrad zk setup` writes it)\n",
		float64(provingKeyEstimate(ccs))/1e6)
	return nil
}

func wires(ccs constraint.ConstraintSystem) int {
	return ccs.GetNbPublicVariables() + ccs.GetNbSecretVariables() + ccs.GetNbInternalVariables()
}

// provingKeyEstimate is the size of the Groth16/BN254 proving key in gnark's raw format (what
// `hyrad zk setup` writes), from its layout: per wire a G1 point of A and of B (64 bytes each)
// and a G2 point of B (128 bytes), per private wire a G1 point of K, per point of the FFT domain
// (constraints rounded up to a power of two) a G1 point of Z. gnark drops the points at
// infinity, so this is an upper bound: TestProvingKeyEstimate checks it against a real setup
// (within 10%; 3% over on the digits and MNIST MLP circuits).
func provingKeyEstimate(ccs constraint.ConstraintSystem) int {
	domain := 1 << bits.Len(uint(ccs.GetNbConstraints()-1))
	private := ccs.GetNbSecretVariables() + ccs.GetNbInternalVariables()
	return 256*wires(ccs) + 64*(domain+private)
}
