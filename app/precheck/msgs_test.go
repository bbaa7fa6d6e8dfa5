package precheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TestEveryHyraMessageIsDecided: each message of the hyra modules is either
// run by the precheck or skipped with a reason, so that a new message gets a
// decision (is its handler cheap?) instead of being skipped by default.
func TestEveryHyraMessageIsDecided(t *testing.T) {
	reg := codectypes.NewInterfaceRegistry()
	reg.RegisterInterface(sdk.MsgInterfaceProtoName, (*sdk.Msg)(nil))
	mrtypes.RegisterInterfaces(reg)
	tptypes.RegisterInterfaces(reg)
	routertypes.RegisterInterfaces(reg)
	rewardstypes.RegisterInterfaces(reg)
	n := 0
	for _, url := range reg.ListImplementations(sdk.MsgInterfaceProtoName) {
		if !strings.HasPrefix(url, "/hyra.") {
			continue
		}
		n++
		_, skipped := Skipped[url]
		require.True(t, cheap[url] != skipped, "%s must be in exactly one of cheap and Skipped", url)
	}
	require.Equal(t, len(cheap)+len(Skipped), n, "cheap and Skipped list only hyra messages")
}

// TestPrechecked: authz MsgExec is run when everything it wraps is, to a
// bounded depth; other modules' messages are not.
func TestPrechecked(t *testing.T) {
	grantee := sdk.AccAddress("grantee_____________")
	exec := func(msgs ...sdk.Msg) *authz.MsgExec { m := authz.NewMsgExec(grantee, msgs); return &m }
	deep := sdk.Msg(&tptypes.MsgCancelTask{})
	for range maxExecDepth + 1 {
		deep = exec(deep)
	}
	for _, tc := range []struct {
		name string
		msg  sdk.Msg
		want bool
	}{
		{"success - a cheap hyra message", &tptypes.MsgSubmitTask{}, true},
		{"success - MsgExec of cheap hyra messages", exec(&tptypes.MsgClaimTask{}, exec(&rewardstypes.MsgBond{})), true},
		{"error - a result (proofs are app/preverify's)", &tptypes.MsgSubmitResult{}, false},
		{"error - a model registration", &mrtypes.MsgRegisterModel{}, false},
		{"error - another module's message", &banktypes.MsgSend{}, false},
		{"error - MsgExec holding a result", exec(&tptypes.MsgClaimTask{}, &tptypes.MsgSubmitResult{}), false},
		{"error - empty MsgExec", exec(), false},
		{"error - MsgExec nested too deep", deep, false},
	} {
		require.Equal(t, tc.want, Prechecked(tc.msg), tc.name)
	}
}
