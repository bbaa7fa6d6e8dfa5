package client

import (
	"fmt"
	"os"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// maxInputFileSize caps an input file: the longest vector a model takes,
// written out generously, is far below it.
const maxInputFileSize = 1 << 20

// ReadVectorFile reads a vector written as vector.Parse accepts it.
func ReadVectorFile(path string) ([]int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxInputFileSize {
		return nil, fmt.Errorf("%s: %d bytes, the limit is %d", path, st.Size(), maxInputFileSize)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	v, err := vector.Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w (expected integers separated by commas or spaces)", path, err)
	}
	return v, nil
}

// CheckInput checks an input against a model version's schema before it is
// sent, so that a mistake costs no transaction and gets a precise message.
func CheckInput(v []int64, schema modeltypes.InputSchema) error {
	if len(v) != int(schema.Length) {
		return fmt.Errorf("input has %d elements, the model takes %d (each in [%d, %d])",
			len(v), schema.Length, schema.MinValue, schema.MaxValue)
	}
	for i, x := range v {
		if x < schema.MinValue || x > schema.MaxValue {
			return fmt.Errorf("input element %d is %d, outside the model's range [%d, %d]",
				i+1, x, schema.MinValue, schema.MaxValue)
		}
	}
	return nil
}
