package verifier_test

import (
	"errors"
	"testing"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	gcmpc "github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// prevOf returns the state hash and delta a contribution i is checked against on chain.
func (r *setupRun) prevOf(i int) (hash, g1, g2 []byte) {
	if i == 0 {
		g1, g2 = verifier.InitialDelta()
		return r.initialHash, g1, g2
	}
	c := r.records[i-1]
	return c.StateHash, c.DeltaG1, c.DeltaG2
}

func TestSetupContributionsOfARealCeremonyVerify(t *testing.T) {
	run := loadSetup(t)
	for i, c := range run.records {
		h, g1, g2 := run.prevOf(i)
		require.NoError(t, verifier.VerifySetupContribution(h, g1, g2, c), "contribution %d", i)
		require.NoError(t, gnarkUpdateProofVerify(t, h, g1, g2, c), "gnark-crypto on contribution %d", i)
	}
	require.NoError(t, verifier.CheckSetupAnchor(run.anchor))
}

// gnarkUpdateProofVerify is gnark-crypto's own check of the same record (UpdateProof.Verify
// with the single G1 and single G2 delta update), the reference VerifySetupContribution follows.
func gnarkUpdateProofVerify(t *testing.T, prevHash, prevG1, prevG2 []byte, c verifier.SetupContribution) error {
	t.Helper()
	var proof gcmpc.UpdateProof
	_, err := proof.ReadFrom(bytesReader(c.Proof))
	require.NoError(t, err)
	var p1, n1 curve.G1Affine
	var p2, n2 curve.G2Affine
	for _, step := range []error{setG1(&p1, prevG1), setG1(&n1, c.DeltaG1), setG2(&p2, prevG2), setG2(&n2, c.DeltaG2)} {
		require.NoError(t, step)
	}
	return proof.Verify(prevHash, 0,
		gcmpc.ValueUpdate{Previous: &p1, Next: &n1}, gcmpc.ValueUpdate{Previous: &p2, Next: &n2})
}

func TestSetupVerifyingKeyIsGnarksAndVerifiesRealProofs(t *testing.T) {
	run := loadSetup(t)
	last := run.records[len(run.records)-1]
	vk, err := verifier.SetupVerifyingKey(run.anchor, run.vkK, last.StateHash, last.DeltaG1, last.DeltaG2, run.beacon)
	require.NoError(t, err)
	require.Len(t, vk, verifier.VerifyingKeySize)
	require.Equal(t, run.gnarkVK, vk, "the chain's key must be VerifyPhase2's key, byte for byte")

	p, err := prover.New(models.IrisArtifact, run.provingKey, vk)
	require.NoError(t, err)
	input := zktest.IrisInputs(t)[0]
	worker := make([]byte, 20)
	out, proof, err := p.Prove("hyra-test", 7, worker, input)
	require.NoError(t, err)
	st := verifier.Statement{ChainID: "hyra-test", TaskID: 7, Worker: worker, InputCommitment: zktest.InputCommitment(t, input), Output: vector.Encode(out)}
	require.NoError(t, verifier.Verify(vk, proof, st))

	// Another beacon seals another delta: the same proof no longer verifies.
	other, err := verifier.SetupVerifyingKey(run.anchor, run.vkK, last.StateHash, last.DeltaG1, last.DeltaG2, []byte("another beacon"))
	require.NoError(t, err)
	require.ErrorIs(t, verifier.Verify(other, proof, st), verifier.ErrInvalidProof)
	// Sealing an earlier contribution (a skipped last contributor) gives another key too.
	mid := run.records[1]
	early, err := verifier.SetupVerifyingKey(run.anchor, run.vkK, mid.StateHash, mid.DeltaG1, mid.DeltaG2, run.beacon)
	require.NoError(t, err)
	require.ErrorIs(t, verifier.Verify(early, proof, st), verifier.ErrInvalidProof)
}

func TestSetupContributionTamperedIsRejected(t *testing.T) {
	run := loadSetup(t)
	h, g1, g2 := run.prevOf(1)
	good := run.records[1]
	var inf1 curve.G1Affine
	var inf2 curve.G2Affine
	infG1, infG2 := compressed(inf1.Bytes()), compressedG2(inf2.Bytes())

	cases := map[string]func() ([]byte, []byte, []byte, verifier.SetupContribution){
		"wrong previous hash": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			return run.initialHash, g1, g2, good
		},
		"skipped contribution": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			return h, g1, g2, run.records[2]
		},
		"delta of another contribution": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG1, c.DeltaG2 = run.records[2].DeltaG1, run.records[2].DeltaG2
			return h, g1, g2, c
		},
		"swapped delta_g1 only": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG1 = run.records[0].DeltaG1
			return h, g1, g2, c
		},
		"swapped delta_g2 only": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG2 = run.records[2].DeltaG2
			return h, g1, g2, c
		},
		"proof of another contribution": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.Proof = run.records[2].Proof
			return h, g1, g2, c
		},
		"non-subgroup delta_g2": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG2 = nonSubgroupG2(t)
			return h, g1, g2, c
		},
		"non-subgroup proof of knowledge": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.Proof = append(append([]byte{}, good.Proof[:32]...), nonSubgroupG2(t)...)
			return h, g1, g2, c
		},
		"delta_g1 at infinity": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG1 = infG1
			return h, g1, g2, c
		},
		"delta_g2 at infinity": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG2 = infG2
			return h, g1, g2, c
		},
		"zero contribution (commitment at infinity)": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.Proof = append(append([]byte{}, infG1...), good.Proof[32:]...)
			return h, g1, g2, c
		},
		"unchanged delta": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG1, c.DeltaG2 = g1, g2
			return h, g1, g2, c
		},
		"short proof": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.Proof = good.Proof[:95]
			return h, g1, g2, c
		},
		"short state hash": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.StateHash = good.StateHash[:31]
			return h, g1, g2, c
		},
		"non-canonical delta_g1": func() ([]byte, []byte, []byte, verifier.SetupContribution) {
			c := good
			c.DeltaG1 = nonCanonicalG1(t)
			return h, g1, g2, c
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ph, p1, p2, c := tc()
			err := verifier.VerifySetupContribution(ph, p1, p2, c)
			require.ErrorIs(t, err, verifier.ErrBadSetupContribution)
			require.False(t, errors.Is(err, verifier.ErrBadSetupAnchor))
		})
	}
}

func TestSetupAnchorIsChecked(t *testing.T) {
	run := loadSetup(t)
	a := run.anchor
	g1, g2 := verifier.InitialDelta()
	var inf1 curve.G1Affine
	for name, bad := range map[string]verifier.SetupAnchor{
		"short alpha":         {Alpha1: a.Alpha1[:31], Beta1: a.Beta1, Beta2: a.Beta2},
		"alpha at infinity":   {Alpha1: compressed(inf1.Bytes()), Beta1: a.Beta1, Beta2: a.Beta2},
		"beta2 not in G2":     {Alpha1: a.Alpha1, Beta1: a.Beta1, Beta2: nonSubgroupG2(t)},
		"beta1 != beta2":      {Alpha1: a.Alpha1, Beta1: g1, Beta2: a.Beta2},
		"beta of another tau": {Alpha1: a.Alpha1, Beta1: a.Beta1, Beta2: g2},
	} {
		err := verifier.CheckSetupAnchor(bad)
		require.ErrorIs(t, err, verifier.ErrBadSetupAnchor, name)
		last := run.records[2]
		_, err = verifier.SetupVerifyingKey(bad, run.vkK, last.StateHash, last.DeltaG1, last.DeltaG2, run.beacon)
		require.ErrorIs(t, err, verifier.ErrBadSetupAnchor, name)
	}
}

func TestSetupVerifyingKeyRejectsBadInputs(t *testing.T) {
	run := loadSetup(t)
	last := run.records[2]
	build := func(vkK, hash, d1, d2, beacon []byte) error {
		_, err := verifier.SetupVerifyingKey(run.anchor, vkK, hash, d1, d2, beacon)
		return err
	}
	zeroK := append([]byte{}, run.vkK...)
	var inf curve.G1Affine
	copy(zeroK[32:64], compressed(inf.Bytes()))
	require.ErrorIs(t, build(run.vkK[:96], last.StateHash, last.DeltaG1, last.DeltaG2, run.beacon), verifier.ErrBadVerifyingKey)
	require.ErrorIs(t, build(zeroK, last.StateHash, last.DeltaG1, last.DeltaG2, run.beacon), verifier.ErrBadVerifyingKey)
	require.ErrorIs(t, build(run.vkK, last.StateHash[:16], last.DeltaG1, last.DeltaG2, run.beacon), verifier.ErrBadSetupContribution)
	require.ErrorIs(t, build(run.vkK, last.StateHash, last.DeltaG1, last.DeltaG2, nil), verifier.ErrBadSetupContribution)
	require.ErrorIs(t, build(run.vkK, last.StateHash, last.DeltaG1, last.DeltaG2, make([]byte, 65)), verifier.ErrBadSetupContribution)
	require.ErrorIs(t, build(run.vkK, last.StateHash, last.DeltaG1, nonSubgroupG2(t), run.beacon), verifier.ErrBadSetupContribution)
}
