package faults_test

import (
	"math/big"
	"strings"

	"github.com/stretchr/testify/require"
)

// checkSupply checks that from block from to block to the total supply
// changed only by x/mint, and returns what was minted. The method: the bank
// module emits a coinbase event for every mint and a burn event for every
// burn, whichever module asks; so supply(to) - supply(from) must be the sum
// of the coinbase events of blocks from+1..to minus their burns. On top of
// that every coinbase must come from the x/mint module account and equal, in
// each block, the provision x/mint announces in its mint event
// (annual_provisions / blocks_per_year, truncated), and nothing may be burnt.
func (m *market) checkSupply(i int, from, to snapshot) int64 {
	m.t.Helper()
	mintAddr := m.moduleAddress(i, "mint")
	var params struct {
		Params struct {
			BlocksPerYear string `json:"blocks_per_year"`
		} `json:"params"`
	}
	m.query(i, &params, "mint", "params")
	bpy, ok := new(big.Rat).SetString(params.Params.BlocksPerYear)
	require.True(m.t, ok, params.Params.BlocksPerYear)
	var minted, burned int64
	for h := from.height + 1; h <= to.height; h++ {
		events, err := m.node(i).BlockEvents(m.ctx, h)
		require.NoError(m.t, err)
		var coinbase, announced int64
		for _, e := range events {
			switch e.Type {
			case "coinbase":
				require.Equal(m.t, mintAddr, e.Attr("minter"), "block %d: coins minted by another module", h)
				coinbase += coinAmount(m, e.Attr("amount"))
			case "burn":
				burned += coinAmount(m, e.Attr("amount"))
			case "mint":
				ap, ok := new(big.Rat).SetString(e.Attr("annual_provisions"))
				require.True(m.t, ok, e.Attr("annual_provisions"))
				perBlock := new(big.Rat).Quo(ap, bpy)
				provision := new(big.Int).Quo(perBlock.Num(), perBlock.Denom())
				announced = amount(m, e.Attr("amount"))
				require.Equal(m.t, provision.Int64(), announced, "block %d: mint amount is not the block provision", h)
			}
		}
		require.Equal(m.t, announced, coinbase, "block %d: minted coins differ from x/mint's provision", h)
		minted += coinbase
	}
	require.Zero(m.t, burned, "coins were burnt between heights %d and %d", from.height, to.height)
	require.Equal(m.t, minted, to.supply-from.supply, "supply change between heights %d and %d", from.height, to.height)
	return minted
}

// coinAmount reads the uhyra amount of an event's coins ("123uhyra").
func coinAmount(m *market, s string) int64 {
	m.t.Helper()
	if s == "" {
		return 0
	}
	require.True(m.t, strings.HasSuffix(s, "uhyra") && !strings.Contains(s, ","), "unexpected coins %q", s)
	return amount(m, strings.TrimSuffix(s, "uhyra"))
}
