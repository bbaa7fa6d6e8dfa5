// Package setup compiles a model artifact into its circuit and runs a single-party Groth16 (BN254)
// setup, producing a proving key and a verifying key. It is a development and test tool: whoever
// runs it can forge proofs for the model. A network's keys come from the multi-party setup in
// zk/ceremony (`hyrad zk ceremony`).
package setup

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/consensys/gnark/backend/groth16"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
)

// File names written by Run.
const (
	ProvingKeyFile   = "proving.key"
	VerifyingKeyFile = "verifying.key"
)

// TrustWarning is printed by every setup: whoever runs it sees the toxic waste, and could forge
// proofs for this model.
const TrustWarning = `WARNING: this is a single-party Groth16 setup, a development and test tool. Its random
"toxic waste" existed in this process's memory; anyone who kept it can forge proofs of any output
for this model. A network's keys come from the multi-party setup ("hyrad zk ceremony"), where
nobody can forge unless every contributor colluded.`

// Keys holds the serialized keys of one setup: the proving key in gnark's raw (uncompressed)
// format, which loads fast, and the verifying key in gnark's compressed format, the exact bytes
// the chain's verifier accepts.
type Keys struct {
	ProvingKey   []byte
	VerifyingKey []byte
	Constraints  int
}

// Generate compiles a and runs the setup, reporting each slow step on progress.
func Generate(a *artifact.Artifact, progress io.Writer) (*Keys, error) {
	start := time.Now()
	fmt.Fprintf(progress, "compiling circuit for %q...\n", a.Name)
	ccs, err := circuit.Compile(a)
	if err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	fmt.Fprintf(progress, "  %d constraints (%s)\n", ccs.GetNbConstraints(), time.Since(start).Round(time.Millisecond))

	start = time.Now()
	fmt.Fprintln(progress, "running Groth16 setup (BN254)...")
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return nil, fmt.Errorf("groth16 setup: %w", err)
	}
	fmt.Fprintf(progress, "  done (%s)\n", time.Since(start).Round(time.Millisecond))

	var pkBuf, vkBuf bytes.Buffer
	if _, err := pk.WriteRawTo(&pkBuf); err != nil {
		return nil, fmt.Errorf("write proving key: %w", err)
	}
	if _, err := vk.WriteTo(&vkBuf); err != nil {
		return nil, fmt.Errorf("write verifying key: %w", err)
	}
	return &Keys{ProvingKey: pkBuf.Bytes(), VerifyingKey: vkBuf.Bytes(), Constraints: ccs.GetNbConstraints()}, nil
}

// Run parses artifactBytes, generates keys and writes them to outDir, printing the trust warning
// and the hashes a model owner registers and publishes.
func Run(artifactBytes []byte, outDir string, progress io.Writer) (*Keys, error) {
	a, err := artifact.Parse(artifactBytes)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(progress, TrustWarning)
	keys, err := Generate(a, progress)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	pkPath, vkPath := filepath.Join(outDir, ProvingKeyFile), filepath.Join(outDir, VerifyingKeyFile)
	if err := os.WriteFile(pkPath, keys.ProvingKey, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(vkPath, keys.VerifyingKey, 0o644); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "artifact hash:      %x\n", artifact.Hash(artifactBytes))
	fmt.Fprintf(progress, "proving key:        %s (%d bytes)\n", pkPath, len(keys.ProvingKey))
	fmt.Fprintf(progress, "verifying key:      %s (%d bytes)\n", vkPath, len(keys.VerifyingKey))
	fmt.Fprintf(progress, "verifying key hash: %x\n", sha256.Sum256(keys.VerifyingKey))
	return keys, nil
}
