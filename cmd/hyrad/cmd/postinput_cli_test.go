package cmd

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/hyra-network/hyra/zk/private"
)

// TestPostInputTakesAnEnvelopeFromTheShell: `hyrad tx taskpool post-input`
// takes the envelope as hex, base64 or a file holding its raw bytes, and
// puts exactly those bytes in MsgPostInput, which the worker's key opens.
func TestPostInputTakesAnEnvelopeFromTheShell(t *testing.T) {
	home := t.TempDir()
	addr := runHyrad(t, "keys", "add", "client", "--keyring-backend", "test", "--home", home, "--output", "json")
	var key struct {
		Address string `json:"address"`
	}
	require.NoError(t, json.Unmarshal([]byte(addr), &key), addr)

	workerKey, err := private.GenerateKey()
	require.NoError(t, err)
	info := private.Info{ChainID: "hyra-test-1", TaskID: 7, Worker: "hyra1worker", Purpose: private.PurposeInputToWorker}
	r, err := private.NewBlinding()
	require.NoError(t, err)
	envelope, err := private.SealInput(workerKey.PublicKey(), info, []int64{0, 16, 255, 3}, r)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "envelope.bin")
	require.NoError(t, os.WriteFile(file, envelope, 0o600))

	for name, arg := range map[string]string{
		"hex": hex.EncodeToString(envelope), "base64": base64.StdEncoding.EncodeToString(envelope), "file": file,
	} {
		t.Run(name, func(t *testing.T) {
			out := runHyrad(t, "tx", "taskpool", "post-input", "7", arg, "--from", "client", "--generate-only",
				"--chain-id", "hyra-test-1", "--keyring-backend", "test", "--home", home)
			var tx struct {
				Body struct {
					Messages []struct {
						Type       string `json:"@type"`
						Creator    string `json:"creator"`
						TaskID     string `json:"task_id"`
						Ciphertext []byte `json:"ciphertext"`
					} `json:"messages"`
				} `json:"body"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &tx), out)
			require.Len(t, tx.Body.Messages, 1)
			msg := tx.Body.Messages[0]
			require.Equal(t, "/hyra.taskpool.v1.MsgPostInput", msg.Type)
			require.Equal(t, key.Address, msg.Creator)
			require.Equal(t, "7", msg.TaskID)
			require.Equal(t, envelope, msg.Ciphertext)
			input, _, err := workerKey.OpenInput(msg.Ciphertext, info)
			require.NoError(t, err)
			require.Equal(t, []int64{0, 16, 255, 3}, input)
		})
	}
}

// runHyrad runs the hyrad command tree in-process with args and returns
// what it printed.
func runHyrad(t *testing.T, args ...string) string {
	t.Helper()
	root := NewRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	require.NoError(t, svrcmd.Execute(root, "", t.TempDir()), out.String())
	return out.String()
}
