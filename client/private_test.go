package client_test

import (
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestOpenPrivateResultRefusesWrongSecretAndTampering: only the task's own
// secret opens its output, and an output that is not the proven one does not
// verify.
func TestOpenPrivateResultRefusesWrongSecretAndTampering(t *testing.T) {
	c := newPrivateChain(t)
	image := zktest.DigitsInputs(t)[2]
	id, secret := c.submit(image)
	key, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	f := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	c.step(f)
	sealed, proof := c.provePrivate(c.Ctx.ChainID(), id, c.worker, image, secret.R)
	c.deliver(&tptypes.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: sealed, Proof: proof})
	done := c.task(id)

	other, err := client.NewSecret(image)
	require.NoError(t, err)
	_, err = client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, other)
	require.Error(t, err, "another blinding does not open the output")

	res, err := client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, secret)
	require.NoError(t, err)
	require.True(t, res.Verified)

	// The same sealed output under another input (the node lies about which
	// input was committed): it opens, but the proof does not verify.
	lied := client.Secret{Input: zktest.DigitsInputs(t)[3], R: secret.R}
	res, err = client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, lied)
	require.NoError(t, err)
	require.False(t, res.Verified)

	tampered := done
	tampered.Proof = append([]byte(nil), done.Proof...)
	tampered.Proof[10] ^= 1
	res, err = client.OpenPrivateResult(c.Ctx.ChainID(), &tampered, c.version, secret)
	if err == nil {
		require.False(t, res.Verified, "a tampered proof does not verify")
	}
}

// TestOpenSelfReadsTheSecretBack: a restarted client reads its secret back
// from the task's self_ciphertext with its key, and nobody else's key opens
// it; a self_ciphertext that does not match the commitment is refused.
func TestOpenSelfReadsTheSecretBack(t *testing.T) {
	c := newPrivateChain(t)
	image := zktest.DigitsInputs(t)[0]
	id, secret := c.submit(image)

	got, err := client.OpenSelf(c.clientKey, c.Ctx.ChainID(), c.task(id), c.version)
	require.NoError(t, err)
	require.Equal(t, secret, got)

	stranger, err := private.GenerateKey()
	require.NoError(t, err)
	_, err = client.OpenSelf(stranger, c.Ctx.ChainID(), c.task(id), c.version)
	require.ErrorIs(t, err, private.ErrEnvelope)

	other, err := client.NewSecret(zktest.DigitsInputs(t)[1])
	require.NoError(t, err)
	_, self, err := other.Seal(c.clientKey, c.Ctx.ChainID(), c.user.String(), c.version)
	require.NoError(t, err)
	mismatched := c.task(id)
	mismatched.SelfCiphertext = self
	_, err = client.OpenSelf(c.clientKey, c.Ctx.ChainID(), mismatched, c.version)
	require.ErrorContains(t, err, "does not match its input commitment")
}

// TestPublicResultOnPrivateVersion: a public task on a private-capable model
// is proven sealed with r = 0, and its result still verifies locally.
func TestPublicResultOnPrivateVersion(t *testing.T) {
	c := newPrivateChain(t)
	_, _, prove, _ := zktest.DigitsPrivate(t)
	image := zktest.DigitsInputs(t)[0]
	res := c.deliver(&tptypes.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.poolID, Input: vector.Encode(image), Reward: hyra(1),
		Deadline: c.Ctx.BlockTime().Add(time.Hour),
	})
	var sub tptypes.MsgSubmitTaskResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &sub))
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: sub.TaskId})
	out, proof := prove(c.Ctx.ChainID(), sub.TaskId, c.worker, image)
	c.deliver(&tptypes.MsgSubmitResult{Worker: c.worker.String(), TaskId: sub.TaskId, Output: out, Proof: proof})

	task := c.task(sub.TaskId)
	checked, err := client.CheckPublicResult(c.Ctx.ChainID(), &task, c.version)
	require.NoError(t, err)
	require.True(t, checked.Verified, "%v", checked.VerifyErr)
	want, err := c.art.Infer(image)
	require.NoError(t, err)
	require.Equal(t, want, checked.Output)
}
