package cli

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/hyra-network/hyra/zk/vector"
)

// readVector turns a command-line vector into its canonical encoding. arg is
// the vector itself or a file holding it; the vector is integers separated by
// commas or whitespace (brackets allowed), or 0x-prefixed hex of the canonical
// encoding.
func readVector(arg string) ([]byte, error) {
	s := arg
	if b, err := os.ReadFile(arg); err == nil {
		s = string(b)
	}
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "0x"); ok {
		b, err := hex.DecodeString(rest)
		if err != nil {
			return nil, fmt.Errorf("hex: %w", err)
		}
		if _, err := vector.Decode(b); err != nil {
			return nil, err
		}
		return b, nil
	}
	v, err := parseVector(s)
	if err != nil {
		return nil, err
	}
	return vector.Encode(v), nil
}

// parseVector reads integers separated by commas and/or whitespace, with
// optional surrounding brackets.
func parseVector(s string) ([]int64, error) {
	fields := strings.FieldsFunc(strings.Trim(s, "[]"), func(r rune) bool {
		return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == '\r'
	})
	if len(fields) == 0 {
		return nil, errors.New("empty vector")
	}
	if len(fields) > vector.MaxLen {
		return nil, fmt.Errorf("%d elements, the limit is %d", len(fields), vector.MaxLen)
	}
	v := make([]int64, len(fields))
	for i, f := range fields {
		x, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		v[i] = x
	}
	return v, nil
}
