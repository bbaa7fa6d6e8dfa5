package keeperutil_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	mrkeeper "github.com/hyra-network/hyra/x/modelregistry/keeper"
	rewardskeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	routerkeeper "github.com/hyra-network/hyra/x/router/keeper"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
)

// TestMsgServersEmbedNothing checks x/README.md's rule that a msg server keeps its keeper as a
// named field: an embedded keeper lets a handler silently hide a keeper method of the same name
// (x/taskpool's SubmitTask and ClaimTask once did).
func TestMsgServersEmbedNothing(t *testing.T) {
	servers := map[string]any{
		"modelregistry": mrkeeper.NewMsgServerImpl(mrkeeper.Keeper{}),
		"rewards":       rewardskeeper.NewMsgServerImpl(rewardskeeper.Keeper{}),
		"router":        routerkeeper.NewMsgServerImpl(routerkeeper.Keeper{}),
		"taskpool":      tpkeeper.NewMsgServerImpl(tpkeeper.Keeper{}),
	}
	for module, srv := range servers {
		typ := reflect.TypeOf(srv)
		for i := range typ.NumField() {
			f := typ.Field(i)
			require.Falsef(t, f.Anonymous, "x/%s's %s embeds %s", module, typ.Name(), f.Type)
		}
	}
}
