package client

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// maxInputFileSize caps an input file: the longest vector a model takes,
// written out generously, is far below it.
const maxInputFileSize = 1 << 20

// ParseVector reads integers separated by commas and/or whitespace, with
// optional surrounding brackets, so that "1,2,3", "1 2 3" and a JSON array
// all work.
func ParseVector(s string) ([]int64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == '\r'
	})
	if len(fields) == 0 {
		return nil, errors.New("no numbers found")
	}
	if len(fields) > vector.MaxLen {
		return nil, fmt.Errorf("%d elements, the limit is %d", len(fields), vector.MaxLen)
	}
	v := make([]int64, len(fields))
	for i, f := range fields {
		x, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("element %d (%q) is not an integer", i+1, f)
		}
		v[i] = x
	}
	return v, nil
}

// ReadVectorFile reads a vector written as ParseVector accepts it.
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
	v, err := ParseVector(string(b))
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
