// Package models embeds the bundled models: artifacts, held-out samples and, for the tiny iris
// model, the keys from a committed setup, so tests anywhere in the repository can prove and verify
// without running a setup. Only tests and tools import it; the chain does not.
package models

import _ "embed"

// Iris model files.
var (
	//go:embed iris/artifact.json
	IrisArtifact []byte
	//go:embed iris/samples.json
	IrisSamples []byte
	//go:embed iris/proving.key
	IrisProvingKey []byte
	//go:embed iris/verifying.key
	IrisVerifyingKey []byte
)

// Digits model files. Its proving key is not committed (several MB); tests generate it.
var (
	//go:embed digits/artifact.json
	DigitsArtifact []byte
	//go:embed digits/samples.json
	DigitsSamples []byte
)

// DigitsPrivateArtifact is the private-capable copy of the digits model: the same network with
// "private": true (zk/README.md "Private tasks"). It takes the digits samples. Like digits, its
// keys are not committed: tests get them from zk/zktest (a single-party, test-only setup).
//
//go:embed digits-private/artifact.json
var DigitsPrivateArtifact []byte
