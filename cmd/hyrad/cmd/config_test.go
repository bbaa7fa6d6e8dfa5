package cmd

import (
	"bytes"
	"slices"
	"testing"
	"text/template"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

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

// TestAppTomlIndexesWhatUsersSearch: the app.toml that `hyrad init` writes
// indexes the attributes the dashboard, the client, the worker and `hyrad q
// tx --type` search by, and none of the bank's per-transfer attributes; the
// node reads the list back as written.
func TestAppTomlIndexesWhatUsersSearch(t *testing.T) {
	tmpl, cfg := initAppConfig()
	parsed, err := template.New("app").Parse(tmpl)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, parsed.Execute(&out, cfg))
	require.Contains(t, out.String(), "index-events = [\n  \"hyra.")

	v := viper.New()
	v.SetConfigType("toml")
	require.NoError(t, v.ReadConfig(&out))
	indexed := v.GetStringSlice("index-events")
	require.Equal(t, defaultIndexEvents(), indexed)
	for _, want := range []string{
		"tx.acc_seq", "tx.signature", "tx.fee_payer", "message.action", "message.sender",
		// dashboard/src/pages/task.ts
		"hyra.taskpool.v1.EventTaskSubmitted.task_id",
		"hyra.taskpool.v1.EventTaskClaimed.task_id",
		"hyra.taskpool.v1.EventTaskCompleted.task_id",
		"hyra.taskpool.v1.EventTaskCompleted.worker",
		"hyra.rewards.v1.EventTaskSettled.task_id",
		"hyra.rewards.v1.EventTaskSettled.model_owner",
		"hyra.rewards.v1.EventEpochRewardPaid.epoch",
		"hyra.router.v1.EventTaskRouted.pool_id",
		"hyra.taskpool.v1.EventInputPosted.task_id",
		"hyra.modelregistry.v1.EventModelRegistered.owner",
		"hyra.modelregistry.v1.EventSetupContributed.contributor",
	} {
		require.Contains(t, indexed, want)
	}
	for _, not := range []string{
		"coin_spent.spender", "coin_spent.amount", "coin_received.receiver", "transfer.recipient",
		"transfer.amount", "tx.fee", "hyra.taskpool.v1.EventTaskCompleted.output",
		"hyra.rewards.v1.EventTaskSettled.worker_reward",
	} {
		require.NotContains(t, indexed, not)
	}
}

// TestEveryHyraEventHasAnIndexedField: each typed event of hyra's modules can
// be found by at least one field, and every string field left unindexed is one
// known not to identify anything (a name, hash, beacon or reason): an event
// added later with an account field named unlike the others fails here rather
// than going unsearchable.
func TestEveryHyraEventHasAnIndexedField(t *testing.T) {
	notIdentifying := []string{
		"artifact_hash", "beacon", "initial_state_hash", "name", "reason", "state_hash", "verifying_key_hash",
	}
	events := hyraEvents()
	require.Greater(t, len(events), 30, "the hyra events were not found in the proto registry")
	indexed := defaultIndexEvents()
	for _, ev := range events {
		fields := ev.Fields()
		found := false
		for i := range fields.Len() {
			f := fields.Get(i)
			key := string(ev.FullName()) + "." + string(f.Name())
			isIndexed := slices.Contains(indexed, key)
			found = found || isIndexed
			if f.Kind() == protoreflect.StringKind && !isIndexed {
				require.Contains(t, notIdentifying, string(f.Name()), "%s: index it (accountFields) or list it here", key)
			}
		}
		require.True(t, found, "%s has no indexed field", ev.FullName())
	}
}
