// Package chain_test checks the wallet and registry files in this folder.
package chain_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app"
)

// registryChain holds the chain.json fields the chain registry requires or
// that a wallet reads.
type registryChain struct {
	ChainName    string            `json:"chain_name"`
	ChainType    string            `json:"chain_type"`
	Status       string            `json:"status"`
	NetworkType  string            `json:"network_type"`
	ChainID      string            `json:"chain_id"`
	Bech32Prefix string            `json:"bech32_prefix"`
	Bech32Config map[string]string `json:"bech32_config"`
	Slip44       int               `json:"slip44"`
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
	APIs map[string][]struct {
		Address string `json:"address"`
	} `json:"apis"`
}

type assetList struct {
	ChainName string `json:"chain_name"`
	Assets    []struct {
		Description string `json:"description"`
		TypeAsset   string `json:"type_asset"`
		DenomUnits  []struct {
			Denom    string   `json:"denom"`
			Exponent uint32   `json:"exponent"`
			Aliases  []string `json:"aliases"`
		} `json:"denom_units"`
		Base    string `json:"base"`
		Name    string `json:"name"`
		Display string `json:"display"`
		Symbol  string `json:"symbol"`
	} `json:"assets"`
}

type keplrCurrency struct {
	CoinDenom        string `json:"coinDenom"`
	CoinMinimalDenom string `json:"coinMinimalDenom"`
	CoinDecimals     uint32 `json:"coinDecimals"`
}

type keplrChain struct {
	ChainID       string                 `json:"chainId"`
	ChainName     string                 `json:"chainName"`
	RPC           string                 `json:"rpc"`
	REST          string                 `json:"rest"`
	Bip44         struct{ CoinType int } `json:"bip44"`
	Bech32Config  map[string]string      `json:"bech32Config"`
	Currencies    []keplrCurrency        `json:"currencies"`
	FeeCurrencies []struct {
		keplrCurrency
		GasPriceStep map[string]float64 `json:"gasPriceStep"`
	} `json:"feeCurrencies"`
	StakeCurrency *keplrCurrency `json:"stakeCurrency"`
}

func load(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, v), path)
}

// TestRegistryFiles checks every network folder's files against the fields
// the chain-registry and Keplr schemas require, against each other, and
// against the app's constants.
func TestRegistryFiles(t *testing.T) {
	dirs, err := filepath.Glob("*/chain.json")
	require.NoError(t, err)
	require.Len(t, dirs, 2, "hyra-local-1 and template")
	for _, chainFile := range dirs {
		dir := filepath.Dir(chainFile)
		t.Run(dir, func(t *testing.T) {
			var c registryChain
			load(t, chainFile, &c)
			checkChain(t, c)
			var a assetList
			load(t, filepath.Join(dir, "assetlist.json"), &a)
			require.Equal(t, c.ChainName, a.ChainName)
			checkAssets(t, a)
			var k keplrChain
			load(t, filepath.Join(dir, "keplr.json"), &k)
			checkKeplr(t, c, k)
		})
	}
	var local registryChain
	load(t, "hyra-local-1/chain.json", &local)
	require.Equal(t, app.DefaultChainID, local.ChainID, "the chain hyrad init creates")
}

func checkChain(t *testing.T, c registryChain) {
	t.Helper()
	require.Regexp(t, `^[a-z0-9]+$`, c.ChainName)
	require.Equal(t, "cosmos", c.ChainType)
	require.Contains(t, []string{"live", "upcoming", "killed"}, c.Status)
	require.Contains(t, []string{"mainnet", "testnet", "devnet"}, c.NetworkType)
	require.Regexp(t, `^[a-z0-9]+(-[a-z0-9]+)*-\d+$`, c.ChainID)
	require.Equal(t, app.Bech32Prefix, c.Bech32Prefix)
	require.Equal(t, sdkPrefixes(), c.Bech32Config)
	require.Equal(t, 118, c.Slip44)
	require.Len(t, c.Fees.FeeTokens, 1)
	require.Equal(t, app.BondDenom, c.Fees.FeeTokens[0].Denom)
	require.Len(t, c.Staking.StakingTokens, 1)
	require.Equal(t, app.BondDenom, c.Staking.StakingTokens[0].Denom)
	for _, api := range []string{"rpc", "rest", "grpc"} {
		require.NotEmpty(t, c.APIs[api], api)
	}
}

// checkAssets: the asset list says what the chain's denom metadata says.
func checkAssets(t *testing.T, a assetList) {
	t.Helper()
	require.Len(t, a.Assets, 1)
	got, want := a.Assets[0], app.DenomMetadata()
	require.Equal(t, "sdk.coin", got.TypeAsset)
	require.Equal(t, want.Base, got.Base)
	require.Equal(t, want.Display, got.Display)
	require.Equal(t, want.Symbol, got.Symbol)
	require.Equal(t, want.Name, got.Name)
	require.LessOrEqual(t, len(got.Name), 30)
	require.Equal(t, want.Description, got.Description)
	require.Len(t, got.DenomUnits, len(want.DenomUnits))
	for i, u := range want.DenomUnits {
		require.Equal(t, u.Denom, got.DenomUnits[i].Denom)
		require.Equal(t, u.Exponent, got.DenomUnits[i].Exponent)
		require.ElementsMatch(t, u.Aliases, got.DenomUnits[i].Aliases)
	}
}

func checkKeplr(t *testing.T, c registryChain, k keplrChain) {
	t.Helper()
	require.Equal(t, c.ChainID, k.ChainID)
	require.NotEmpty(t, k.ChainName)
	require.Equal(t, c.APIs["rpc"][0].Address, k.RPC)
	require.Equal(t, c.APIs["rest"][0].Address, k.REST)
	require.Equal(t, c.Slip44, k.Bip44.CoinType)
	require.Equal(t, sdkPrefixes(), k.Bech32Config)
	hyra := keplrCurrency{CoinDenom: app.Symbol, CoinMinimalDenom: app.BondDenom, CoinDecimals: app.DisplayExponent}
	require.Equal(t, []keplrCurrency{hyra}, k.Currencies)
	require.Len(t, k.FeeCurrencies, 1)
	require.Equal(t, hyra, k.FeeCurrencies[0].keplrCurrency)
	steps := k.FeeCurrencies[0].GasPriceStep
	require.True(t, steps["low"] <= steps["average"] && steps["average"] <= steps["high"], "%v", steps)
	require.NotNil(t, k.StakeCurrency)
	require.Equal(t, hyra, *k.StakeCurrency)
}

// sdkPrefixes are the bech32 prefixes the app configures, in the key names
// both Keplr and the chain registry use.
func sdkPrefixes() map[string]string {
	cfg := sdk.GetConfig()
	return map[string]string{
		"bech32PrefixAccAddr":  cfg.GetBech32AccountAddrPrefix(),
		"bech32PrefixAccPub":   cfg.GetBech32AccountPubPrefix(),
		"bech32PrefixValAddr":  cfg.GetBech32ValidatorAddrPrefix(),
		"bech32PrefixValPub":   cfg.GetBech32ValidatorPubPrefix(),
		"bech32PrefixConsAddr": cfg.GetBech32ConsensusAddrPrefix(),
		"bech32PrefixConsPub":  cfg.GetBech32ConsensusPubPrefix(),
	}
}
