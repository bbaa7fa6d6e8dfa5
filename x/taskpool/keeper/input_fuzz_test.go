package keeper

import (
	"bytes"
	"errors"
	"testing"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// FuzzCheckInput feeds arbitrary task inputs, encodings and schemas to the
// chain's input check: it never panics, refuses with ErrInvalidInput, and
// accepts only canonical vectors under the encoding, of the schema's length
// and range, that MsgSubmitTask.ValidateBasic lets through too.
func FuzzCheckInput(f *testing.F) {
	iris := vector.Encode([]int64{51, 35, 14, 2})
	f.Add(iris, int32(0), uint32(4), int64(0), int64(127))
	f.Add(iris, int32(0), uint32(3), int64(0), int64(127))
	f.Add(iris[:31], int32(0), uint32(4), int64(0), int64(127))
	f.Add([]byte{51, 35, 14, 2}, int32(1), uint32(4), int64(0), int64(127))
	f.Add([]byte{0xff, 0xfb}, int32(2), uint32(1), int64(-5), int64(-5))
	f.Add([]byte{1, 2, 3}, int32(2), uint32(1), int64(0), int64(9))
	f.Add([]byte{1}, int32(3), uint32(1), int64(0), int64(9))
	f.Add(vector.Encode([]int64{-5}), int32(0), uint32(1), int64(-5), int64(-5))
	f.Add(bytes.Repeat([]byte{0}, types.MaxVectorSize+8), int32(0), uint32(vector.MaxLen+1), int64(0), int64(0))
	f.Add(bytes.Repeat([]byte{0}, vector.MaxLen+1), int32(1), uint32(vector.MaxLen+1), int64(0), int64(0))
	f.Add([]byte{}, int32(0), uint32(0), int64(0), int64(0))
	f.Fuzz(func(t *testing.T, input []byte, code int32, length uint32, lo, hi int64) {
		enc := types.VectorEncoding(code)
		got, err := checkInput(input, enc, mrtypes.InputSchema{Length: length, MinValue: lo, MaxValue: hi})
		if err != nil {
			if !errors.Is(err, types.ErrInvalidInput) {
				t.Fatalf("refusal without ErrInvalidInput: %v", err)
			}
			return
		}
		v, decErr := vector.DecodeAs(input, enc.Vector())
		if decErr != nil {
			t.Fatalf("accepted an input that does not decode under %s: %v", enc, decErr)
		}
		if again, err := vector.EncodeAs(v, enc.Vector()); err != nil || !bytes.Equal(again, input) {
			t.Fatalf("accepted a non-canonical input %x", input)
		}
		if uint32(len(v)) != length || len(got) != len(v) {
			t.Fatalf("accepted %d values for a schema of %d", len(v), length)
		}
		for i, x := range v {
			if x < lo || x > hi || got[i] != x {
				t.Fatalf("accepted value %d = %d outside [%d, %d] or returned %d", i, x, lo, hi, got[i])
			}
		}
		if err := (&types.MsgSubmitTask{Input: input, InputEncoding: enc}).ValidateBasic(); err != nil {
			t.Fatalf("the handler accepts what ValidateBasic refuses: %v", err)
		}
	})
}
