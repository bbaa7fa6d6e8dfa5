package vector

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Parse reads a vector the way people write one on a command line or in a
// file: integers separated by commas and/or whitespace, optionally in
// brackets, so that "1,2,3", "1 2 3" and a JSON array all work. Element
// numbers in errors count from 1.
func Parse(s string) ([]int64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if len(fields) == 0 {
		return nil, fmt.Errorf("%w: empty vector, no numbers found", ErrInvalid)
	}
	if len(fields) > MaxLen {
		return nil, fmt.Errorf("%w: %d elements, the limit is %d", ErrInvalid, len(fields), MaxLen)
	}
	v := make([]int64, len(fields))
	for i, f := range fields {
		x, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: element %d (%q) is not an integer", ErrInvalid, i+1, f)
		}
		v[i] = x
	}
	return v, nil
}
