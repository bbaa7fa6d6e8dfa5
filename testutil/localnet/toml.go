package localnet

import (
	"fmt"
	"os"
	"strings"
)

// setTOML sets keys of one [section] of a TOML file ("" is the top level,
// before the first header), replacing the existing lines in place so that the
// file keeps its comments and layout. A key that is not there is an error:
// hyrad writes every key it reads, so a missing one means the config format
// changed and the localnet would silently run with a default.
func setTOML(path, section string, values map[string]string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(b), "\n")
	current := ""
	done := map[string]bool{}
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			current = strings.Trim(trimmed, "[]")
			continue
		}
		if current != section {
			continue
		}
		key, _, ok := strings.Cut(trimmed, "=")
		if !ok {
			continue
		}
		key = strings.TrimSpace(key)
		if v, want := values[key]; want && !done[key] {
			lines[i] = key + " = " + v
			done[key] = true
		}
	}
	for k := range values {
		if !done[k] {
			return fmt.Errorf("%s: no key %q in section [%s]", path, k, section)
		}
	}
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
}

// quote makes a TOML string.
func quote(s string) string { return fmt.Sprintf("%q", s) }
