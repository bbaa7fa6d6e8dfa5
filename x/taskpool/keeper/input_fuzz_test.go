package keeper

import (
	"bytes"
	"errors"
	"testing"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// FuzzCheckInput feeds arbitrary task inputs and schemas to the chain's
// input check: it never panics, refuses with ErrInvalidInput, and accepts
// only canonical vectors of the schema's length and range that the size cap
// of MsgSubmitTask.ValidateBasic lets through too.
func FuzzCheckInput(f *testing.F) {
	iris := vector.Encode([]int64{51, 35, 14, 2})
	f.Add(iris, uint32(4), int64(0), int64(127))
	f.Add(iris, uint32(3), int64(0), int64(127))
	f.Add(iris[:31], uint32(4), int64(0), int64(127))
	f.Add(vector.Encode([]int64{-5}), uint32(1), int64(-5), int64(-5))
	f.Add(bytes.Repeat([]byte{0}, types.MaxVectorSize+8), uint32(vector.MaxLen+1), int64(0), int64(0))
	f.Add([]byte{}, uint32(0), int64(0), int64(0))
	f.Fuzz(func(t *testing.T, input []byte, length uint32, lo, hi int64) {
		err := checkInput(input, mrtypes.InputSchema{Length: length, MinValue: lo, MaxValue: hi})
		if err != nil {
			if !errors.Is(err, types.ErrInvalidInput) {
				t.Fatalf("refusal without ErrInvalidInput: %v", err)
			}
			return
		}
		v, decErr := vector.Decode(input)
		if decErr != nil || !bytes.Equal(vector.Encode(v), input) {
			t.Fatalf("accepted a non-canonical input %x", input)
		}
		if uint32(len(v)) != length {
			t.Fatalf("accepted %d values for a schema of %d", len(v), length)
		}
		for i, x := range v {
			if x < lo || x > hi {
				t.Fatalf("accepted value %d = %d outside [%d, %d]", i, x, lo, hi)
			}
		}
		if err := (&types.MsgSubmitTask{Input: input}).ValidateBasic(); err != nil {
			t.Fatalf("the handler accepts what ValidateBasic refuses: %v", err)
		}
	})
}
