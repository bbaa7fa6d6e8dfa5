package app

import (
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// DenomMetadata describes HYRA for wallets, explorers and SIGN_MODE_TEXTUAL
// (which shows amounts in the display unit): base uhyra, display hyra =
// 10^6 uhyra, symbol HYRA. chain/assetlist.json and chain/keplr.json say the same.
func DenomMetadata() banktypes.Metadata {
	return banktypes.Metadata{
		Description: "The native token of the Hyra chain: fees, task rewards, worker bonds and staking.",
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: BondDenom, Exponent: 0, Aliases: []string{"microhyra"}},
			{Denom: DisplayDenom, Exponent: DisplayExponent},
		},
		Base:    BondDenom,
		Display: DisplayDenom,
		Name:    "Hyra",
		Symbol:  Symbol,
	}
}

// bankModuleBasic is x/bank's module basic with HYRA's denom metadata in
// its default genesis, so that every genesis `hyrad init` writes (devnet,
// demo and localnet start from it) describes the token. The embedded basic
// has no codecs: none of the methods the app's basic manager calls uses them.
type bankModuleBasic struct {
	bank.AppModuleBasic
}

// DefaultGenesis is x/bank's with HYRA's metadata.
func (bankModuleBasic) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	gs := banktypes.DefaultGenesisState()
	gs.DenomMetadata = []banktypes.Metadata{DenomMetadata()}
	return cdc.MustMarshalJSON(gs)
}
