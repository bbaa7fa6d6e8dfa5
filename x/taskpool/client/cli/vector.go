package cli

import (
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/hyra-network/hyra/zk/vector"
)

// readVector reads a command-line vector. arg is the vector itself or a file
// holding it; the vector is integers separated by commas or whitespace
// (brackets allowed), or 0x-prefixed hex of the canonical INT64 encoding.
// Callers encode it: a task input compactly, a result output as INT64.
func readVector(arg string) ([]int64, error) {
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
		return vector.Decode(b)
	}
	return vector.Parse(s)
}
