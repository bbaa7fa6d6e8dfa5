package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/zk/vector"
)

// Vector is e as zk/vector names it: the enum's values are vector.Encoding's.
func (e VectorEncoding) Vector() vector.Encoding { return vector.Encoding(e) }

// CheckInputEncoding refuses an input_encoding this chain does not know, naming the ones it
// does: no worker could decode such an input.
func CheckInputEncoding(e VectorEncoding) error {
	if _, ok := VectorEncoding_name[int32(e)]; !ok {
		return errorsmod.Wrapf(ErrInvalidInput, "input_encoding %d is unknown; known: VECTOR_ENCODING_INT64 (0), VECTOR_ENCODING_UINT8 (1), VECTOR_ENCODING_INT16 (2)", int32(e))
	}
	return nil
}

// CheckInputSize is the cheap, stateless check of a task input: a known encoding, at most
// MaxVectorSize bytes, and a length the encoding can decode (not empty, a whole number of
// elements, at most vector.MaxLen of them). Messages run it in ValidateBasic and the keeper
// again first, for messages that arrive through authz.
func CheckInputSize(input []byte, e VectorEncoding) error {
	if err := CheckInputEncoding(e); err != nil {
		return err
	}
	if n := len(input); n == 0 || n > MaxVectorSize {
		return errorsmod.Wrapf(ErrInvalidInput, "input is %d bytes, must be in [1, %d]", n, MaxVectorSize)
	}
	if err := vector.CheckEncodedLen(len(input), e.Vector()); err != nil {
		return errorsmod.Wrap(ErrInvalidInput, err.Error())
	}
	return nil
}

// DecodeInput decodes a task input under its encoding, after CheckInputSize.
func DecodeInput(input []byte, e VectorEncoding) ([]int64, error) {
	if err := CheckInputSize(input, e); err != nil {
		return nil, err
	}
	v, err := vector.DecodeAs(input, e.Vector())
	if err != nil {
		return nil, errorsmod.Wrap(ErrInvalidInput, err.Error())
	}
	return v, nil
}

// DecodedInput is the task's input as integers, decoded with the task's encoding.
func (t Task) DecodedInput() ([]int64, error) { return DecodeInput(t.Input, t.InputEncoding) }

// EncodeCompact encodes a task input in the narrowest encoding that holds every element
// (vector.Compact): what clients send by default. A 784-pixel image costs 784 bytes, not 6,272.
func EncodeCompact(v []int64) ([]byte, VectorEncoding) {
	b, e := vector.EncodeCompact(v)
	return b, VectorEncoding(e)
}
