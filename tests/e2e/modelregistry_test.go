package e2e_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestModelRegistryEndToEnd drives the real binary: a one-validator chain, a
// model registered from the CLI, read back from the CLI and REST, repriced by
// its owner (the private price untouched unless named) and refused to anyone
// else.
func TestModelRegistryEndToEnd(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "mallory")
	n.start()
	owner := n.address("owner")

	code, log := n.tx("modelregistry", "register-model", "iris", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json",
		"--vk", "../../zk/models/iris/verifying.key",
		"--description", "iris species from four flower measurements",
		"--private-price", "3000uhyra", "--from", "owner")
	require.Zero(t, code, log)

	var got struct {
		Model struct {
			ID     string `json:"id"`
			Owner  string `json:"owner"`
			Name   string `json:"name"`
			Active bool   `json:"active"`
			Price  struct {
				Denom  string `json:"denom"`
				Amount string `json:"amount"`
			} `json:"price"`
			PrivatePrice struct {
				Amount string `json:"amount"`
			} `json:"private_price"`
		} `json:"model"`
		CurrentVersion struct {
			Version     string `json:"version"`
			InputSchema struct {
				Length int `json:"length"`
			} `json:"input_schema"`
		} `json:"current_version"`
	}
	n.queryJSON(&got, "modelregistry", "model", "1")
	require.Equal(t, "iris", got.Model.Name)
	require.Equal(t, owner, got.Model.Owner)
	require.True(t, got.Model.Active)
	require.Equal(t, "1000", got.Model.Price.Amount)
	require.Equal(t, "1", got.CurrentVersion.Version)
	require.Equal(t, 4, got.CurrentVersion.InputSchema.Length)

	var rest struct {
		Models []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"models"`
	}
	require.Equal(t, http.StatusOK, n.getJSON("/hyra/modelregistry/v1/models", &rest))
	require.Len(t, rest.Models, 1)
	require.Equal(t, "iris", rest.Models[0].Name)
	require.Equal(t, http.StatusOK, n.getJSON("/hyra/modelregistry/v1/models/1", nil))
	require.Equal(t, http.StatusNotFound, n.getJSON("/hyra/modelregistry/v1/models/7", nil))
	var params struct {
		Params struct {
			MaxNameLength int `json:"max_name_length"`
		} `json:"params"`
	}
	require.Equal(t, http.StatusOK, n.getJSON("/hyra/modelregistry/v1/params", &params))
	require.Equal(t, 64, params.Params.MaxNameLength)

	// A reprice without --private-price leaves the private price alone (it
	// once turned private tasks off), signed either way; a zero one turns
	// them off.
	code, log = n.tx("modelregistry", "update-price", "1", "2500uhyra", "--from", "owner")
	require.Zero(t, code, log)
	n.queryJSON(&got, "modelregistry", "model", "1")
	require.Equal(t, "2500", got.Model.Price.Amount)
	require.Equal(t, "3000", got.Model.PrivatePrice.Amount, "the private price is kept")
	code, log = n.tx("modelregistry", "update-price", "1", "2000uhyra", "--sign-mode", "amino-json", "--from", "owner")
	require.Zero(t, code, log)
	n.queryJSON(&got, "modelregistry", "model", "1")
	require.Equal(t, "3000", got.Model.PrivatePrice.Amount, "the private price is kept (amino JSON)")
	code, log = n.tx("modelregistry", "update-price", "1", "2500uhyra", "--private-price", "0uhyra", "--from", "owner")
	require.Zero(t, code, log)
	n.queryJSON(&got, "modelregistry", "model", "1")
	require.Equal(t, "2500", got.Model.Price.Amount)
	require.Equal(t, "0", got.Model.PrivatePrice.Amount, "zero turns private tasks off")

	code, log = n.tx("modelregistry", "update-price", "1", "1uhyra", "--from", "mallory")
	require.NotZero(t, code)
	require.Contains(t, log, "signer is not the model owner")
	n.queryJSON(&got, "modelregistry", "model", "1")
	require.Equal(t, "2500", got.Model.Price.Amount, "a refused update changes nothing")

	// A verifying key that is not a Groth16 key is refused at registration.
	code, log = n.tx("modelregistry", "register-model", "bad", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json",
		"--vk", "../../zk/models/iris/artifact.json",
		"--description", "garbage key", "--from", "owner")
	require.NotZero(t, code)
	require.Contains(t, log, "invalid verifying key")
}
