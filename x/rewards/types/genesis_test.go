package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/hyra-network/hyra/x/rewards/types"
)

func addr(b byte) string {
	bz := make([]byte, 20)
	for i := range bz {
		bz[i] = b
	}
	s, err := bech32.ConvertAndEncode("hyra", bz)
	if err != nil {
		panic(err)
	}
	return s
}

func coin(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n) }

// validGenesis has a bond with two unbondings, reputation, work in epoch 3
// and a payout of epoch 2 in progress.
func validGenesis() *types.GenesisState {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gs := types.DefaultGenesis()
	gs.NextUnbondingId = 5
	gs.Bonds = []types.Bond{
		{Worker: addr(1), Bonded: coin(100), Unbonding: coin(30)},
		{Worker: addr(2), Bonded: coin(0), Unbonding: coin(5)},
	}
	gs.Unbondings = []types.Unbonding{
		{Id: 1, Worker: addr(1), Amount: coin(10), CompletionTime: t},
		{Id: 2, Worker: addr(1), Amount: coin(20), CompletionTime: t},
		{Id: 4, Worker: addr(2), Amount: coin(5), CompletionTime: t},
	}
	gs.Reputations = []types.WorkerReputation{{Worker: addr(1), Reputation: 7}}
	gs.Epoch = types.EpochState{Number: 3, StartHeight: 201, TotalWork: 3, Workers: 2}
	gs.Work = []types.EpochWork{
		{Epoch: 2, Worker: addr(1), Work: 4},
		{Epoch: 3, Worker: addr(1), Work: 2},
		{Epoch: 3, Worker: addr(2), Work: 1},
	}
	gs.PendingPayouts = []types.PendingPayout{{Epoch: 2, Amount: coin(90), TotalWork: 9, Paid: coin(50)}}
	return gs
}

func TestGenesisValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(gs *types.GenesisState)
		err    string
	}{
		{name: "success - default genesis", change: func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() }},
		{name: "success - a full state", change: func(*types.GenesisState) {}},
		{name: "error - invalid params", change: func(gs *types.GenesisState) { gs.Params.EpochLength = 0 }, err: "epoch_length"},
		{name: "error - zero next unbonding id", change: func(gs *types.GenesisState) { gs.NextUnbondingId = 0 }, err: "next_unbonding_id"},
		{name: "error - epoch zero", change: func(gs *types.GenesisState) { gs.Epoch.Number = 0 }, err: "epoch number must be positive"},
		{name: "error - duplicate bond", change: func(gs *types.GenesisState) { gs.Bonds[1].Worker = addr(1) }, err: "duplicate bond"},
		{name: "error - invalid bond address", change: func(gs *types.GenesisState) { gs.Bonds[0].Worker = "hyra1bad" }, err: "invalid address"},
		{name: "error - bond in another denom", change: func(gs *types.GenesisState) { gs.Bonds[0].Bonded = sdk.NewInt64Coin("stake", 100) }, err: "denom must be uhyra"},
		{
			name: "error - empty bond",
			change: func(gs *types.GenesisState) {
				gs.Bonds = append(gs.Bonds, types.Bond{Worker: addr(3), Bonded: coin(0), Unbonding: coin(0)})
			},
			err: "is empty",
		},
		{name: "error - unbonding id out of range", change: func(gs *types.GenesisState) { gs.Unbondings[2].Id = 5 }, err: "out of range"},
		{name: "error - duplicate unbonding id", change: func(gs *types.GenesisState) { gs.Unbondings[1].Id = 1 }, err: "duplicate unbonding id 1"},
		{name: "error - unbonding without a bond", change: func(gs *types.GenesisState) { gs.Unbondings[2].Worker = addr(9) }, err: "has no bond"},
		{name: "error - zero unbonding", change: func(gs *types.GenesisState) { gs.Unbondings[0].Amount = coin(0) }, err: "amount must be positive"},
		{name: "error - unbonding sum mismatch", change: func(gs *types.GenesisState) { gs.Bonds[0].Unbonding = coin(31) }, err: "does not match"},
		{name: "error - too many unbondings", change: func(gs *types.GenesisState) { gs.Params.MaxUnbondingEntries = 1 }, err: "more than 1 unbondings"},
		{name: "error - negative reputation", change: func(gs *types.GenesisState) { gs.Reputations[0].Reputation = -1 }, err: "negative"},
		{
			name:   "error - duplicate reputation",
			change: func(gs *types.GenesisState) { gs.Reputations = append(gs.Reputations, gs.Reputations[0]) },
			err:    "duplicate reputation",
		},
		{name: "error - epoch totals do not match", change: func(gs *types.GenesisState) { gs.Epoch.TotalWork = 4 }, err: "do not match its work"},
		{name: "error - work of an epoch without payout", change: func(gs *types.GenesisState) { gs.Work[0].Epoch = 1 }, err: "belongs to no epoch"},
		{name: "error - zero work", change: func(gs *types.GenesisState) { gs.Work[0].Work = 0 }, err: "is zero"},
		{
			name:   "error - duplicate work",
			change: func(gs *types.GenesisState) { gs.Work = append(gs.Work, gs.Work[0]) },
			err:    "duplicate work",
		},
		{name: "error - payout of the current epoch", change: func(gs *types.GenesisState) { gs.PendingPayouts[0].Epoch = 3 }, err: "not an ended epoch"},
		{name: "error - payout paid more than its amount", change: func(gs *types.GenesisState) { gs.PendingPayouts[0].Paid = coin(91) }, err: "exceeds amount"},
		{name: "error - payout without work", change: func(gs *types.GenesisState) { gs.PendingPayouts[0].TotalWork = 0 }, err: "has no work"},
		{name: "error - unpaid work above the payout's total", change: func(gs *types.GenesisState) { gs.PendingPayouts[0].TotalWork = 3 }, err: "exceeds total_work"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.change(gs)
			err := gs.Validate()
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
		})
	}
}

func TestDefaultParamsAreValid(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	require.Equal(t, "10000000uhyra", p.MinWorkerBond.String())
	require.Equal(t, 7*24*time.Hour, p.UnbondingPeriod)
	require.Equal(t, "uhyra", p.BondDenom())
}
