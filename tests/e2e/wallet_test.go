package e2e_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// checkWalletFiles compares chain/hyra-local-1's registry and Keplr files
// with what the running chain says: chain id, bech32 prefix, the HYRA denom
// metadata in its genesis, the staking and fee denoms.
func checkWalletFiles(t *testing.T, c *appChain) {
	t.Helper()
	var registry struct {
		ChainID      string `json:"chain_id"`
		Bech32Prefix string `json:"bech32_prefix"`
		Fees         struct {
			FeeTokens []struct {
				Denom string `json:"denom"`
			} `json:"fee_tokens"`
		} `json:"fees"`
		Staking struct {
			StakingTokens []struct {
				Denom string `json:"denom"`
			} `json:"staking_tokens"`
		} `json:"staking"`
	}
	readJSON(t, "../../chain/hyra-local-1/chain.json", &registry)
	var assets struct {
		Assets []json.RawMessage `json:"assets"`
	}
	readJSON(t, "../../chain/hyra-local-1/assetlist.json", &assets)
	var keplr struct {
		ChainID      string `json:"chainId"`
		Bech32Config struct {
			Acc string `json:"bech32PrefixAccAddr"`
		} `json:"bech32Config"`
		FeeCurrencies []struct {
			CoinMinimalDenom string `json:"coinMinimalDenom"`
			CoinDecimals     uint32 `json:"coinDecimals"`
		} `json:"feeCurrencies"`
	}
	readJSON(t, "../../chain/hyra-local-1/keplr.json", &keplr)

	var status struct {
		NodeInfo struct {
			Network string `json:"network"`
		} `json:"node_info"`
	}
	require.NoError(t, json.Unmarshal([]byte(c.run("status")), &status))
	require.Equal(t, status.NodeInfo.Network, registry.ChainID)
	require.Equal(t, status.NodeInfo.Network, keplr.ChainID)

	var bech32 struct {
		Prefix string `json:"bech32_prefix"`
	}
	require.Equal(t, http.StatusOK, c.getJSON("/cosmos/auth/v1beta1/bech32", &bech32))
	require.Equal(t, bech32.Prefix, registry.Bech32Prefix)
	require.Equal(t, bech32.Prefix, keplr.Bech32Config.Acc)
	require.True(t, strings.HasPrefix(c.client, bech32.Prefix+"1"))

	// The metadata the chain serves (from the genesis hyrad init wrote) is
	// the asset list's asset, field for field.
	var meta struct {
		Metadata map[string]any `json:"metadata"`
	}
	require.Equal(t, http.StatusOK, c.getJSON("/cosmos/bank/v1beta1/denoms_metadata/uhyra", &meta))
	require.Len(t, assets.Assets, 1)
	var asset map[string]any
	require.NoError(t, json.Unmarshal(assets.Assets[0], &asset))
	for _, field := range []string{"base", "display", "name", "symbol", "description"} {
		require.Equal(t, meta.Metadata[field], asset[field], field)
	}
	require.Equal(t, denomUnits(meta.Metadata), denomUnits(asset))
	require.Equal(t, float64(keplr.FeeCurrencies[0].CoinDecimals), unitExponent(meta.Metadata, meta.Metadata["display"]))

	// SIGN_MODE_TEXTUAL renders amounts with this metadata (1 hyra): the
	// client and the chain must agree on the sign bytes.
	code, log := c.tx("bank", "send", "client", c.owner, "1000000uhyra", "--from", "client", "--sign-mode", "textual")
	require.Zero(t, code, log)

	var staking struct {
		Params struct {
			BondDenom string `json:"bond_denom"`
		} `json:"params"`
	}
	require.Equal(t, http.StatusOK, c.getJSON("/cosmos/staking/v1beta1/params", &staking))
	require.Equal(t, staking.Params.BondDenom, registry.Staking.StakingTokens[0].Denom)

	var minGas string
	require.NoError(t, json.Unmarshal([]byte(c.run("config", "get", "app", "minimum-gas-prices")), &minGas))
	price, err := sdk.ParseDecCoin(minGas) // one denom; ParseDecCoins would drop a zero price
	require.NoError(t, err)
	require.Equal(t, price.Denom, registry.Fees.FeeTokens[0].Denom)
	require.Equal(t, price.Denom, keplr.FeeCurrencies[0].CoinMinimalDenom)
}

// denomUnits lists metadata's units as "denom^exponent[aliases]", an absent
// alias list and an empty one alike.
func denomUnits(metadata map[string]any) []string {
	units, _ := metadata["denom_units"].([]any)
	out := make([]string, 0, len(units))
	for _, u := range units {
		unit, _ := u.(map[string]any)
		aliases, _ := unit["aliases"].([]any)
		out = append(out, fmt.Sprintf("%v^%v%v", unit["denom"], unit["exponent"], aliases))
	}
	return out
}

// unitExponent is the exponent of the denom unit named denom in metadata.
func unitExponent(metadata map[string]any, denom any) float64 {
	units, _ := metadata["denom_units"].([]any)
	for _, u := range units {
		unit, _ := u.(map[string]any)
		if unit["denom"] == denom {
			e, _ := unit["exponent"].(float64)
			return e
		}
	}
	return -1
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, v), path)
}
