package keeper_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// TestSetupRefusals checks every refusal of the setup messages: each is a
// clear error and changes no state.
func TestSetupRefusals(t *testing.T) {
	cases := []struct {
		name string
		// prepare runs before the refused message; run sends it.
		prepare func(t *testing.T, f *setupFixture)
		run     func(t *testing.T, f *setupFixture) error
		err     string
	}{
		{"begin without a phase-1 anchor", func(t *testing.T, f *setupFixture) {
			p, err := f.k.Params.Get(f.ctx)
			require.NoError(t, err)
			p.SetupAnchor = types.SetupAnchor{}
			require.NoError(t, f.k.Params.Set(f.ctx, p))
		}, beginWith(func(*types.MsgBeginSetup) {}), "governance must set params.setup_anchor"},
		{"begin by another account", nil, beginWith(func(m *types.MsgBeginSetup) { m.Owner = "hyra1qgpqyqszqgpqyqszqgpqyqszqgpqyqszrh8mx2" }), ""},
		{"begin twice", func(t *testing.T, f *setupFixture) { f.begin(t) }, beginWith(func(*types.MsgBeginSetup) {}), "setup already begun"},
		{"begin of an unknown version", nil, beginWith(func(m *types.MsgBeginSetup) { m.Version = 2 }), "model version not found"},
		{"begin with a short state hash", nil, beginWith(func(m *types.MsgBeginSetup) { m.InitialStateHash = m.InitialStateHash[:31] }), "initial_state_hash is 31 bytes, want 32"},
		{"begin with K points of another size", nil, beginWith(func(m *types.MsgBeginSetup) { m.VkK = m.VkK[:96] }), "vk_k is 96 bytes, want 128"},
		{"begin with repeated K points", nil, beginWith(func(m *types.MsgBeginSetup) {
			m.VkK = append(bytes.Clone(m.VkK[:96]), m.VkK[64:96]...)
		}), "K points 2 and 3 are the same"},
		{"begin with garbage K points", nil, beginWith(func(m *types.MsgBeginSetup) { m.VkK = bytes.Repeat([]byte{0x5a}, 128) }), "invalid setup start"},
		{"begin with no constraints", nil, beginWith(func(m *types.MsgBeginSetup) { m.Constraints = 0 }), "constraints must be positive"},
		{"contribution before the setup begins", nil, func(t *testing.T, f *setupFixture) error {
			return f.send(t, f.c1, nil)
		}, "has no setup; its owner begins one"},
		{"contribution with a bad proof", func(t *testing.T, f *setupFixture) { f.begin(t) }, func(t *testing.T, f *setupFixture) error {
			return f.send(t, f.c1, func(m *types.MsgContributeSetup) { m.Proof = swapHalves(m.Proof, 32) })
		}, "invalid setup contribution"},
		{"contribution whose delta is not the proven one", func(t *testing.T, f *setupFixture) { f.begin(t) }, func(t *testing.T, f *setupFixture) error {
			g1, _ := initialDelta()
			return f.send(t, f.c1, func(m *types.MsgContributeSetup) { m.DeltaG1 = g1 })
		}, "delta_g1 is not the previous delta times the proven secret"},
		{"contribution on a stale state (a racing contributor's)", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			aside, err := f.ceremony.ContributeAside(f.c2, f.id, 1)
			require.NoError(t, err)
			f.aside = aside
			f.contribute(t, f.c1)
		}, func(t *testing.T, f *setupFixture) error {
			_, err := f.msgs.ContributeSetup(f.ctx, f.aside)
			return err
		}, "proof of knowledge does not verify against the previous state hash"},
		{"contribution of a malformed size", func(t *testing.T, f *setupFixture) { f.begin(t) }, func(t *testing.T, f *setupFixture) error {
			return f.send(t, f.c1, func(m *types.MsgContributeSetup) { m.DeltaG2 = m.DeltaG2[:63] })
		}, "delta_g2 is 63 bytes, want 64"},
		{"second contribution of one account", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			f.contribute(t, f.c1)
		}, func(t *testing.T, f *setupFixture) error { return f.send(t, f.c1, nil) }, "already contributed to model 1 version 1"},
		{"contribution over max_setup_contributions", func(t *testing.T, f *setupFixture) {
			f.setParams(t, func(p *types.Params) { p.MaxSetupContributions, p.MinSetupContributors = 2, 2 })
			f.begin(t)
			f.contribute(t, f.c1, f.c2)
		}, func(t *testing.T, f *setupFixture) error { return f.send(t, f.validator, nil) }, "has 2 contributions, the limit is 2"},
		{"finalize without a setup", nil, finalize, "has no setup"},
		{"finalize with too few contributors", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			f.contribute(t, f.c1, f.validator)
		}, finalize, "has 2 contributors, min_setup_contributors is 3"},
		{"finalize with no independent contributor", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			f.contribute(t, f.owner, f.c1, f.c2)
		}, finalize, "none of its 3 contributors is a bonded validator's operator or a worker"},
		{"finalize when the only bonded contributor holds an authz grant from the owner", func(t *testing.T, f *setupFixture) {
			f.grants[string(f.bytes(t, f.validator))+"|"+string(f.bytes(t, f.owner))] = true
			f.begin(t)
			f.contribute(t, f.c1, f.c2, f.validator)
		}, finalize, "no contributor is independent of the owner"},
		{"finalize when the only bonded contributor gave the owner an authz grant", func(t *testing.T, f *setupFixture) {
			f.grants[string(f.bytes(t, f.owner))+"|"+string(f.bytes(t, f.worker))] = true
			f.begin(t)
			f.contribute(t, f.c1, f.c2, f.worker)
		}, finalize, "no contributor is independent of the owner"},
		{"finalize when the only bonded worker's reputation is too low", func(t *testing.T, f *setupFixture) {
			f.bonds.Rep[string(f.bytes(t, f.worker))] = types.DefaultIndependentMinReputation - 1
			f.begin(t)
			f.contribute(t, f.c1, f.c2, f.worker)
		}, finalize, "no contributor is independent of the owner"},
		{"finalize by another account", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			f.contribute(t, f.c1, f.c2, f.validator)
		}, func(t *testing.T, f *setupFixture) error {
			_, err := f.msgs.FinalizeSetup(f.ctx, &types.MsgFinalizeSetup{Owner: f.c1, ModelId: f.id, Version: 1})
			return err
		}, "signer is not the model owner"},
		{"finalize without a block hash", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			f.contribute(t, f.c1, f.c2, f.validator)
			f.ctx = f.ctx.WithHeaderHash(nil)
		}, finalize, "no block hash"},
		{"contribution to a retired version", func(t *testing.T, f *setupFixture) {
			f.begin(t)
			_, err := f.msgs.RetireVersion(f.ctx, &types.MsgRetireVersion{Authority: f.authority, ModelId: f.id, Version: 1})
			require.NoError(t, err)
		}, func(t *testing.T, f *setupFixture) error { return f.send(t, f.c1, nil) }, "is SETUP_STATUS_RETIRED"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newSetupFixture(t)
			if tc.prepare != nil {
				tc.prepare(t, f)
			}
			before := f.snapshot(t)
			err := tc.run(t, f)
			require.Error(t, err)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
			}
			require.Equal(t, before, f.snapshot(t), "a refused message changes nothing")
		})
	}
}

// TestWorkerCountsAsIndependent checks the other way to be independent: a
// worker with min_worker_bond bonded and enough reputation.
func TestWorkerCountsAsIndependent(t *testing.T) {
	f := newSetupFixture(t)
	f.begin(t)
	f.contribute(t, f.c1, f.worker, f.c2)
	_, err := f.finalize()
	require.NoError(t, err)
	require.Equal(t, uint32(1), f.version(t).SetupIndependent)
}

func beginWith(mutate func(*types.MsgBeginSetup)) func(t *testing.T, f *setupFixture) error {
	return func(_ *testing.T, f *setupFixture) error {
		msg := f.ceremony.BeginMsg(f.owner, f.id, 1)
		mutate(msg)
		_, err := f.msgs.BeginSetup(f.ctx, msg)
		return err
	}
}

func finalize(_ *testing.T, f *setupFixture) error {
	_, err := f.finalize()
	return err
}

// send submits who's next contribution, changed by mutate, without
// recording it in the ceremony.
func (f *setupFixture) send(t *testing.T, who string, mutate func(*types.MsgContributeSetup)) error {
	t.Helper()
	msg, err := f.ceremony.ContributeAside(who, f.id, 1)
	require.NoError(t, err)
	if mutate != nil {
		mutate(msg)
	}
	_, err = f.msgs.ContributeSetup(f.ctx, msg)
	return err
}

func (f *setupFixture) setParams(t *testing.T, change func(*types.Params)) {
	t.Helper()
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	change(&p)
	require.NoError(t, p.Validate())
	require.NoError(t, f.k.Params.Set(f.ctx, p))
}

// swapHalves returns b with its first n bytes moved to the end.
func swapHalves(b []byte, n int) []byte {
	return append(bytes.Clone(b[n:]), b[:n]...)
}
