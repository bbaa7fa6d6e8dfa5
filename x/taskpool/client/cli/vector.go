package cli

import (
	"encoding/hex"
	"fmt"
	"os"
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
	v, err := vector.Parse(s)
	if err != nil {
		return nil, err
	}
	return vector.Encode(v), nil
}
