package keeper

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// maxFilterWalks caps the model versions (and models served at every
// version) one ClaimBest may list: each costs one index walk per reputation
// bucket, and the claim must stay a bounded number of reads.
const maxFilterWalks = 16

// claimFilter turns a ClaimBest's constraints into x/taskpool's filter. It
// refuses constraints that contradict themselves (model_id and models both
// set, a model or version listed twice, id or version 0, a negative window)
// or that would make the search too long.
func claimFilter(msg *types.MsgClaimBest) (tptypes.ClaimFilter, error) {
	want := tptypes.ClaimFilter{MinWindow: msg.MinWindow, EncryptionKey: msg.EncryptionKey}
	if err := tptypes.CheckEncryptionKey(msg.EncryptionKey); err != nil {
		return want, err
	}
	if msg.MinWindow < 0 {
		return want, errorsmod.Wrapf(types.ErrInvalidFilter, "min_window %s is negative", msg.MinWindow)
	}
	if msg.ModelId != 0 {
		if len(msg.Models) > 0 {
			return want, errorsmod.Wrap(types.ErrInvalidFilter, "set model_id or models, not both")
		}
		want.Models = []tptypes.ServedVersions{{ModelID: msg.ModelId}}
		return want, nil
	}
	models := map[uint64]bool{}
	for _, m := range msg.Models {
		if m.ModelId == 0 {
			return want, errorsmod.Wrap(types.ErrInvalidFilter, "model id 0 in models")
		}
		if models[m.ModelId] {
			return want, errorsmod.Wrapf(types.ErrInvalidFilter, "model %d is listed twice", m.ModelId)
		}
		models[m.ModelId] = true
		versions := map[uint64]bool{}
		for _, v := range m.Versions {
			if v == 0 || versions[v] {
				return want, errorsmod.Wrapf(types.ErrInvalidFilter, "model %d: version %d is 0 or listed twice", m.ModelId, v)
			}
			versions[v] = true
		}
		want.Models = append(want.Models, tptypes.ServedVersions{ModelID: m.ModelId, Versions: m.Versions})
	}
	if n := want.Walks(); n > maxFilterWalks {
		return want, errorsmod.Wrapf(types.ErrInvalidFilter, "%d model versions listed, the limit is %d", n, maxFilterWalks)
	}
	return want, nil
}

// describeFilter says what a filter restricts, for errors ("" for none).
func describeFilter(want tptypes.ClaimFilter) string {
	var b strings.Builder
	for i, m := range want.Models {
		if i == 0 {
			b.WriteString("for ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "model %d", m.ModelID)
		if len(m.Versions) > 0 {
			fmt.Fprintf(&b, " versions %v", m.Versions)
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if want.MinWindow > 0 {
		fmt.Fprintf(&b, "with a claim timeout of at least %s ", want.MinWindow)
	}
	return b.String()
}
