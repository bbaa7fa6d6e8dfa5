package worker

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	routertypes "github.com/hyra-network/hyra/x/router/types"
)

func TestParseIDs(t *testing.T) {
	ids, err := ParseIDs("1, 2,5,2,")
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2, 5}, ids)

	ids, err = ParseIDs("")
	require.NoError(t, err)
	require.Empty(t, ids)

	_, err = ParseIDs("1,x")
	require.ErrorContains(t, err, `"x" is not an id`)
	_, err = ParseIDs("0")
	require.ErrorContains(t, err, `"0" is not an id`)
	_, err = ParseIDs("-3")
	require.ErrorContains(t, err, `"-3" is not an id`)
}

func TestConfigValidate(t *testing.T) {
	c := Config{KeysDir: "/k"}
	require.NoError(t, c.Validate())
	require.Equal(t, DefaultPollInterval, c.PollInterval)
	require.Equal(t, DefaultSubmitGrace, c.SubmitGrace)

	require.ErrorContains(t, (&Config{}).Validate(), "--keys-dir")
	require.ErrorContains(t, (&Config{KeysDir: "/k", PollInterval: time.Millisecond}).Validate(), "too short")
	bad := Config{KeysDir: "/k", Bond: sdk.Coin{Denom: "uhyra", Amount: sdkmath.NewInt(-5)}}
	require.ErrorContains(t, bad.Validate(), "bond")
	require.ErrorContains(t, (&Config{KeysDir: "/k", MinWindow: -time.Second}).Validate(), "minimum window -1s is negative")

	require.Equal(t, 1, c.Batch, "one task at a time unless asked")
	require.Equal(t, runtime.GOMAXPROCS(0), c.Provers, "a batch is proved on every core")
	require.ErrorContains(t, (&Config{KeysDir: "/k", Batch: 101}).Validate(), "batch 101: must be in [1, 100]")
	require.ErrorContains(t, (&Config{KeysDir: "/k", Batch: -1}).Validate(), "batch -1")
	require.ErrorContains(t, (&Config{KeysDir: "/k", Provers: -2}).Validate(), "provers -2")
}

func TestServedString(t *testing.T) {
	require.Equal(t, "1:v3,v2 4:v1", servedString([]routertypes.ServedModel{{ModelId: 1, Versions: []uint64{3, 2}}, {ModelId: 4, Versions: []uint64{1}}}))
}

func TestProvingKeyLookup(t *testing.T) {
	dir := t.TempDir()
	hash := sha256.Sum256([]byte("artifact"))
	want := filepath.Join(dir, hex.EncodeToString(hash[:]), "proving.key")
	require.Equal(t, want, ProvingKeyPath(dir, hash[:]))

	_, err := ReadProvingKey(dir, hash[:])
	require.ErrorIs(t, err, ErrNoProvingKey)
	require.ErrorContains(t, err, want)
	require.ErrorContains(t, err, "hyrad zk setup --artifact ARTIFACT --out "+filepath.Dir(want))

	require.NoError(t, os.MkdirAll(filepath.Dir(want), 0o755))
	require.NoError(t, os.WriteFile(want, []byte("pk"), 0o600))
	b, err := ReadProvingKey(dir, hash[:])
	require.NoError(t, err)
	require.Equal(t, []byte("pk"), b)
}

func TestBondAmount(t *testing.T) {
	minBond := sdk.NewInt64Coin("uhyra", 10_000_000)
	zero := sdk.NewInt64Coin("uhyra", 0)

	got, err := bondAmount(minBond, zero, sdk.Coin{})
	require.NoError(t, err)
	require.Equal(t, minBond, got, "no bond yet: bond the minimum")

	got, err = bondAmount(minBond, sdk.NewInt64Coin("uhyra", 9_900_000), sdk.Coin{})
	require.NoError(t, err)
	require.Equal(t, sdk.NewInt64Coin("uhyra", 100_000), got, "after a slash: top up the shortfall")

	got, err = bondAmount(minBond, zero, sdk.NewInt64Coin("uhyra", 50_000_000))
	require.NoError(t, err)
	require.Equal(t, sdk.NewInt64Coin("uhyra", 50_000_000), got, "--bond above the shortfall is bonded as asked")

	_, err = bondAmount(minBond, zero, sdk.NewInt64Coin("uhyra", 5))
	require.ErrorContains(t, err, "--bond 5uhyra is not enough: 10000000uhyra more is needed")
	_, err = bondAmount(minBond, zero, sdk.NewInt64Coin("stake", 50_000_000))
	require.ErrorContains(t, err, "bonds are in uhyra")
}
