package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
)

// model is the bundled digits model with its keys and a prover.
type model struct {
	artifactBytes []byte
	artifact      *artifact.Artifact
	hash          [32]byte
	vk, pk        []byte
	prover        *prover.Prover
	inputs        [][]int64 // held-out images, valid for the model's schema
	keysDir       string
}

// loadModel reads the digits keys from keysDir/<artifact sha256>/, the cache
// `make demo` and the worker use, and runs the setup (about 0.5 s) when they
// are not there. The keys must outlive a run: proofs cached by an earlier run
// verify only against the same verifying key.
func loadModel(keysDir string) (*model, error) {
	m := &model{artifactBytes: models.DigitsArtifact, hash: sha256.Sum256(models.DigitsArtifact), keysDir: keysDir}
	var err error
	if m.artifact, err = artifact.Parse(m.artifactBytes); err != nil {
		return nil, err
	}
	dir := filepath.Join(keysDir, hex.EncodeToString(m.hash[:]))
	if err := ensureKeys(m.artifactBytes, dir); err != nil {
		return nil, err
	}
	if m.pk, err = os.ReadFile(filepath.Join(dir, setup.ProvingKeyFile)); err != nil {
		return nil, err
	}
	if m.vk, err = os.ReadFile(filepath.Join(dir, setup.VerifyingKeyFile)); err != nil {
		return nil, err
	}
	if m.prover, err = prover.New(m.artifactBytes, m.pk, m.vk); err != nil {
		return nil, fmt.Errorf("digits keys in %s: %w", dir, err)
	}
	s, err := models.ParseSamples(models.DigitsSamples)
	if err != nil {
		return nil, err
	}
	for _, smp := range s.Samples {
		m.inputs = append(m.inputs, smp.Input)
	}
	return m, nil
}

// ensureKeys runs the setup into dir unless both keys are there, through a
// temporary directory renamed into place, so that an interrupted setup never
// leaves half a key behind.
func ensureKeys(artifactBytes []byte, dir string) error {
	if fileExists(filepath.Join(dir, setup.ProvingKeyFile)) && fileExists(filepath.Join(dir, setup.VerifyingKeyFile)) {
		return nil
	}
	step("Groth16 setup of the digits model into %s", dir)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".setup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if _, err := setup.Run(artifactBytes, tmp, io.Discard); err != nil {
		return err
	}
	_ = os.RemoveAll(dir)
	return os.Rename(tmp, dir)
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
