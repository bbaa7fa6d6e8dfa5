package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestDefaultParamsAreValid(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	require.Equal(t, "10000000uhyra", p.PoolCreationFee.String(), "a pool costs 10 HYRA")
}
