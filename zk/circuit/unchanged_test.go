package circuit_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
)

// TestPublicCircuitsUnchanged pins the serialized constraint system (sha256 of gnark's R1CS
// encoding: every constraint, in order, and the variable counts) of each model without the
// "private" flag, as compiled before private tasks existed: registered verifying and proving keys
// depend on it, so the flag's absence must mean exactly today's circuit. The private copy of each
// model is a different system with one more secret wire (the blinding).
func TestPublicCircuitsUnchanged(t *testing.T) {
	for _, m := range []struct {
		name string
		doc  []byte
		r1cs string
	}{
		{"digits", models.DigitsArtifact, "046d99be264530dcbc22dc197cf89253655670e041fca6eb08cc2ea27e14afb3"},
		{"iris", models.IrisArtifact, "a116545a7f515fd139a4a105e5d97e61c498e51d45eee8fd2ffd6ce35afd455a"},
		{"tiny", []byte(testmodel.JSON), "3606a65cf14a81ff5ee385f8286b875e2250d473ab8ae218f4f4faf8b4ea6b1d"},
		{"v2", []byte(testmodel.JSONV2), "3b8d39701307bb93efef14725427ab2bcc4534a3575f926fcb25c83d6d5bdc5f"},
	} {
		a, err := artifact.Parse(m.doc)
		require.NoError(t, err, m.name)
		ccs, err := circuit.Compile(a)
		require.NoError(t, err)
		h := sha256.New()
		_, err = ccs.WriteTo(h)
		require.NoError(t, err)
		require.Equal(t, m.r1cs, hex.EncodeToString(h.Sum(nil)), "%s: the public circuit changed", m.name)

		a.Private = true
		priv, err := circuit.Compile(a)
		require.NoError(t, err)
		require.Equal(t, ccs.GetNbSecretVariables()+1, priv.GetNbSecretVariables(), m.name)
		require.Equal(t, ccs.GetNbPublicVariables(), priv.GetNbPublicVariables(), m.name)
	}
}
