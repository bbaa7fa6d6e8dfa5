package vector_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/vector"
)

func TestParse(t *testing.T) {
	for _, s := range []string{"1,2,-3", "1 2 -3", "[1, 2, -3]", " 1,\n2\t-3\n"} {
		v, err := vector.Parse(s)
		require.NoError(t, err, s)
		require.Equal(t, []int64{1, 2, -3}, v, s)
	}
	_, err := vector.Parse("1,x,3")
	require.ErrorContains(t, err, `element 2 ("x") is not an integer`)
	_, err = vector.Parse("1,2.5")
	require.ErrorContains(t, err, `element 2 ("2.5")`)
	_, err = vector.Parse(" [ ] ")
	require.ErrorContains(t, err, "empty vector, no numbers found")
	_, err = vector.Parse(strings.Repeat("1,", vector.MaxLen+1))
	require.ErrorContains(t, err, "the limit is 1024")
	require.ErrorIs(t, err, vector.ErrInvalid)
}
