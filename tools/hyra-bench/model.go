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
// mode, iris (or, with -model, the MNIST CNN) for the sustained mode.
type model struct {
	name          string
	artifactBytes []byte
	artifact      *artifact.Artifact
	hash          [32]byte
	vk, pk        []byte
	prover        *prover.Prover
	inputs        [][]int64 // held-out images, valid for the model's schema
	keysDir       string
	// gasFactor multiplies the gas limits of the transactions that carry
	// the model's tasks (route, claim, result): the MNIST CNN's tasks cost
	// more than iris's. Limits only: the figures report the gas used.
	gasFactor uint64
}

// loadModel reads the digits keys from keysDir/<artifact sha256>/, the cache
// `make demo` and the worker use, and runs the setup (about 0.5 s) when they
// are not there. The keys must outlive a run: proofs cached by an earlier run
// verify only against the same verifying key.
func loadModel(keysDir string) (*model, error) {
	s, err := models.ParseSamples(models.DigitsSamples)
	if err != nil {
		return nil, err
	}
	return loadWithKeys("digits", models.DigitsArtifact, keysDir, sampleInputs(s))
}

// loadWithKeys is a bundled model whose keys live in keysDir/<artifact
// sha256>/, set up there the first time.
func loadWithKeys(name string, artifactBytes []byte, keysDir string, inputs [][]int64) (*model, error) {
	m := &model{name: name, artifactBytes: artifactBytes, hash: sha256.Sum256(artifactBytes), keysDir: keysDir, inputs: inputs, gasFactor: 1}
	dir := filepath.Join(keysDir, hex.EncodeToString(m.hash[:]))
	if err := ensureKeys(name, m.artifactBytes, dir); err != nil {
		return nil, err
	}
	var err error
	if m.pk, err = os.ReadFile(filepath.Join(dir, setup.ProvingKeyFile)); err != nil {
		return nil, err
	}
	if m.vk, err = os.ReadFile(filepath.Join(dir, setup.VerifyingKeyFile)); err != nil {
		return nil, err
	}
	if err := m.load(); err != nil {
		return nil, fmt.Errorf("%s keys in %s: %w", name, dir, err)
	}
	return m, nil
}

// loadIris is the bundled iris model with its committed keys. The sustained
// mode pushes iris results: a proof costs a third of a digits proof to make
// (the bench makes one per result it offers, tens of thousands), and exactly
// what a digits proof costs to verify: one Groth16 check with three public
// inputs, the raw rate the bench measures with the same model.
func loadIris() (*model, error) {
	s, err := models.ParseSamples(models.IrisSamples)
	if err != nil {
		return nil, err
	}
	m := &model{
		name: "iris", artifactBytes: models.IrisArtifact, hash: sha256.Sum256(models.IrisArtifact),
		pk: models.IrisProvingKey, vk: models.IrisVerifyingKey, inputs: sampleInputs(s), gasFactor: 1,
	}
	return m, m.load()
}

// load parses the artifact and builds the prover.
func (m *model) load() error {
	var err error
	if m.artifact, err = artifact.Parse(m.artifactBytes); err != nil {
		return err
	}
	m.prover, err = prover.New(m.artifactBytes, m.pk, m.vk)
	return err
}

// sampleInputs are the inputs of a bundled samples document.
func sampleInputs(s *models.Samples) [][]int64 {
	var out [][]int64
	for _, smp := range s.Samples {
		out = append(out, smp.Input)
	}
	return out
}

// ensureKeys runs the setup into dir unless both keys are there, through a
// temporary directory renamed into place, so that an interrupted setup never
// leaves half a key behind.
func ensureKeys(name string, artifactBytes []byte, dir string) error {
	if fileExists(filepath.Join(dir, setup.ProvingKeyFile)) && fileExists(filepath.Join(dir, setup.VerifyingKeyFile)) {
		return nil
	}
	step("Groth16 setup of the %s model into %s", name, dir)
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
