package keeper

import (
	"bytes"
	"crypto/sha256"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/verifier"
)

// versionContent is what a model owner submits for a version: the artifact,
// the verifying key, and the declared schema that must agree with both.
type versionContent struct {
	proofSystem  types.ProofSystem
	verifyingKey []byte
	artifact     []byte
	artifactHash []byte
	schema       types.InputSchema
	outputLength uint32
	// inputLaneBits is the artifact's input scheme (set by validate).
	inputLaneBits uint32
	// private is whether the artifact's circuit proves private tasks (set by
	// validate).
	private bool
}

// validate checks the content from cheapest to dearest: whether a key may be
// uploaded at all, sizes, the artifact hash, the artifact and its schema, and
// last the verifying key, whose decoding is charged gas first because it does
// elliptic-curve work on untrusted bytes. Without a key the version is
// PENDING: its key comes from a multi-party setup (MsgBeginSetup).
func (c *versionContent) validate(ctx sdk.Context, p types.Params) error {
	if c.proofSystem != types.PROOF_SYSTEM_GROTH16 {
		return errorsmod.Wrapf(types.ErrProofSystem, "%s; supported: %s", c.proofSystem, types.PROOF_SYSTEM_GROTH16)
	}
	if len(c.verifyingKey) > 0 && !p.AllowSinglePartyKeys {
		return errorsmod.Wrap(types.ErrSinglePartyKey, "this chain does not accept a verifying key made by one party "+
			"(params.allow_single_party_keys is false): register the artifact without a key, then run its setup ceremony "+
			"(hyrad zk ceremony; MsgBeginSetup, MsgContributeSetup, MsgFinalizeSetup) and the chain builds the key")
	}
	if n := uint64(len(c.verifyingKey)); n > p.MaxVerifyingKeySize {
		return errorsmod.Wrapf(types.ErrInvalidVerifyingKey, "size %d bytes, must be at most %d", n, p.MaxVerifyingKeySize)
	}
	if n := uint64(len(c.artifact)); n == 0 || n > p.MaxArtifactSize {
		return errorsmod.Wrapf(types.ErrInvalidArtifact, "size %d bytes, must be in [1, %d]", n, p.MaxArtifactSize)
	}
	if h := sha256.Sum256(c.artifact); !bytes.Equal(h[:], c.artifactHash) {
		return errorsmod.Wrapf(types.ErrArtifactHash, "sha256 of the artifact is %X, the message says %X", h, c.artifactHash)
	}
	a, err := artifact.Parse(c.artifact)
	if err != nil {
		return errorsmod.Wrap(types.ErrInvalidArtifact, err.Error())
	}
	if err := checkSchema(a, c.schema, c.outputLength); err != nil {
		return err
	}
	c.inputLaneBits = a.InputScheme().LaneBits
	c.private = a.Private
	if len(c.verifyingKey) == 0 {
		return nil
	}
	ctx.GasMeter().ConsumeGas(verifier.VerifyGas, "decode verifying key")
	if err := verifier.CheckVerifyingKey(c.verifyingKey); err != nil {
		return errorsmod.Wrap(types.ErrInvalidVerifyingKey, err.Error())
	}
	return nil
}

// checkSchema checks that the declared input schema and output length are
// those of the artifact, so that the chain never accepts an input no worker
// could prove.
func checkSchema(a *artifact.Artifact, s types.InputSchema, outputLength uint32) error {
	if uint64(s.Length) != uint64(a.Input.Length) || s.MinValue != a.Input.Min || s.MaxValue != a.Input.Max { //nolint:gosec // G115: a negative length cannot equal the unsigned field, so a wrong value is still refused
		return errorsmod.Wrapf(types.ErrInvalidSchema, "declared length %d range [%d, %d], artifact has length %d range [%d, %d]",
			s.Length, s.MinValue, s.MaxValue, a.Input.Length, a.Input.Min, a.Input.Max)
	}
	if uint64(outputLength) != uint64(a.Output.Length) { //nolint:gosec // G115: a negative length cannot equal the unsigned field, so a wrong value is still refused
		return errorsmod.Wrapf(types.ErrInvalidSchema, "declared output length %d, artifact has %d", outputLength, a.Output.Length)
	}
	return nil
}

// toVersion builds the stored version, with the hashes computed here rather
// than taken from the message: SINGLE_PARTY with an uploaded key, PENDING
// (no key, no key hash) without one.
func (c versionContent) toVersion(id, version uint64, height int64) types.ModelVersion {
	status, vkHash := types.SETUP_STATUS_PENDING, []byte(nil)
	if len(c.verifyingKey) > 0 {
		h := sha256.Sum256(c.verifyingKey)
		status, vkHash = types.SETUP_STATUS_SINGLE_PARTY, h[:]
	}
	artifactHash := sha256.Sum256(c.artifact)
	return types.ModelVersion{
		ModelId:          id,
		Version:          version,
		ProofSystem:      c.proofSystem,
		SetupStatus:      status,
		VerifyingKey:     c.verifyingKey,
		VerifyingKeyHash: vkHash,
		Artifact:         c.artifact,
		ArtifactHash:     artifactHash[:],
		InputSchema:      c.schema,
		InputLaneBits:    c.inputLaneBits,
		Private:          c.private,
		OutputLength:     c.outputLength,
		CreatedHeight:    height,
	}
}
