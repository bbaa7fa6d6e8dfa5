package eventattr_test

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"github.com/hyra-network/hyra/x/internal/eventattr"
)

// TestStringIsJSON checks String against encoding/json, which jsonpb uses
// for string fields, on any string, escapes and non-ASCII included.
func TestStringIsJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), rapid.StringMatching(`[a-z0-9<>&"\\]{0,12}`)).Draw(t, "s")
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := eventattr.String(s); got != string(want) {
			t.Fatalf("String(%q) = %s, want %s", s, got, want)
		}
	})
}
