package hyradtest

import "strings"

// Tail is the last n bytes of a process's output: what a failing test prints of a long log.
func Tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// LastLine is the last non-empty line of a command's output, where hyrad's commands print
// their result or error.
func LastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
