package cmd

import (
	"bytes"
	"testing"
	"text/template"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/server"

	"github.com/hyra-network/hyra/app"
)

// TestAppTomlHasHyraSection: the app.toml that `hyrad init` writes documents
// [hyra] preverify-check-tx with its default, and the node reads it back.
func TestAppTomlHasHyraSection(t *testing.T) {
	tmpl, cfg := initAppConfig()
	parsed, err := template.New("app").Parse(tmpl)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, parsed.Execute(&out, cfg))
	require.Contains(t, out.String(), `preverify-check-tx = "async"`)

	v := viper.New()
	v.SetConfigType("toml")
	require.NoError(t, v.ReadConfig(&out))
	require.Equal(t, app.DefaultPreverifyMode, v.Get(app.FlagPreverifyCheckTx))
	require.Equal(t, "0"+app.BondDenom, v.GetString("minimum-gas-prices"))
}

// TestAppTomlUsesPebbleDB: the app.toml that `hyrad init` writes keeps the
// application state in PebbleDB, and the SDK reads that back as the
// application database's backend.
func TestAppTomlUsesPebbleDB(t *testing.T) {
	tmpl, cfg := initAppConfig()
	parsed, err := template.New("app").Parse(tmpl)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, parsed.Execute(&out, cfg))
	require.Contains(t, out.String(), `app-db-backend = "pebbledb"`)

	v := viper.New()
	v.SetConfigType("toml")
	require.NoError(t, v.ReadConfig(&out))
	require.Equal(t, dbm.PebbleDBBackend, server.GetAppDBBackend(v))
}
