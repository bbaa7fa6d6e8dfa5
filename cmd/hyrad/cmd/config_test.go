package cmd

import (
	"bytes"
	"testing"
	"text/template"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

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
