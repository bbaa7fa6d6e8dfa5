package app

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// AppName is the name of the application, as shown in `hyrad version`.
	AppName = "hyrad"
	// Bech32Prefix is the human-readable part of every account address.
	Bech32Prefix = "hyra"
	// BondDenom is the base denomination of HYRA: 1 HYRA = 10^6 uhyra.
	BondDenom = "uhyra"
	// DisplayDenom is the denomination people read and write: 1 hyra = 10^DisplayExponent uhyra.
	DisplayDenom = "hyra"
	// DisplayExponent is the power of ten from BondDenom to DisplayDenom.
	DisplayExponent = 6
	// Symbol is the ticker wallets show.
	Symbol = "HYRA"
	// DefaultChainID is the chain id given to `hyrad init` when none is set.
	DefaultChainID = "hyra-local-1"
)

// SetAddressPrefixes makes the global SDK config use the hyra bech32
// prefixes. The SDK still reads a few of them from this global, so it must be
// called once, before any address is printed or parsed.
func SetAddressPrefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(Bech32Prefix+"valoper", Bech32Prefix+"valoperpub")
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+"valcons", Bech32Prefix+"valconspub")
	sdk.DefaultBondDenom = BondDenom
}

func init() {
	SetAddressPrefixes()
}
