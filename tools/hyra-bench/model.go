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

// model is a bundled model with its keys and a prover: digits for the burst
// mode, iris for the sustained mode.
type model struct {
	name          string
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
	m := &model{name: "digits", artifactBytes: models.DigitsArtifact, hash: sha256.Sum256(models.DigitsArtifact), keysDir: keysDir}
	dir := filepath.Join(keysDir, hex.EncodeToString(m.hash[:]))
	if err := ensureKeys(m.artifactBytes, dir); err != nil {
		return nil, err
	}
	var err error
	if m.pk, err = os.ReadFile(filepath.Join(dir, setup.ProvingKeyFile)); err != nil {
		return nil, err
	}
	if m.vk, err = os.ReadFile(filepath.Join(dir, setup.VerifyingKeyFile)); err != nil {
		return nil, err
	}
	if err := m.load(models.DigitsSamples); err != nil {
		return nil, fmt.Errorf("digits keys in %s: %w", dir, err)
	}
	return m, nil
}

// loadIris is the bundled iris model with its committed keys. The sustained
// mode pushes iris results: a proof costs a third of a digits proof to make
// (the bench makes one per result it offers, tens of thousands), and exactly
// what a digits proof costs to verify: one Groth16 check with three public
// inputs, the raw rate the bench measures with the same model.
func loadIris() (*model, error) {
	m := &model{
		name: "iris", artifactBytes: models.IrisArtifact, hash: sha256.Sum256(models.IrisArtifact),
		pk: models.IrisProvingKey, vk: models.IrisVerifyingKey,
	}
	return m, m.load(models.IrisSamples)
}

// load parses the artifact, builds the prover and reads the held-out inputs.
func (m *model) load(samples []byte) error {
	var err error
	if m.artifact, err = artifact.Parse(m.artifactBytes); err != nil {
		return err
	}
	if m.prover, err = prover.New(m.artifactBytes, m.pk, m.vk); err != nil {
		return err
	}
	s, err := models.ParseSamples(samples)
	if err != nil {
		return err
	}
	for _, smp := range s.Samples {
		m.inputs = append(m.inputs, smp.Input)
	}
	return nil
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
