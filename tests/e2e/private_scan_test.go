package e2e_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// A scanner looks for many needles in a haystack at once. Each needle is indexed by one
// 4-byte window of it (the one with the most distinct bytes, so that runs of zeros in a
// database do not hit it) and checked in full where its window occurs.
type scanner struct {
	first    [1 << 16]bool
	byWindow map[uint32][]indexed
	seqs     []needle

	mu    sync.Mutex
	found map[string]map[string]string // needle label -> source -> the first place in it
}

type indexed struct {
	needle
	offset int
}

func newScanner(secrets ...secret) *scanner {
	s := &scanner{byWindow: map[uint32][]indexed{}, found: map[string]map[string]string{}}
	for _, sec := range secrets {
		for _, n := range sec.needles() {
			off := rarestWindow(n.b)
			w := binary.LittleEndian.Uint32(n.b[off:])
			s.first[uint16(w)] = true //nolint:gosec // the window's first two bytes
			s.byWindow[w] = append(s.byWindow[w], indexed{n, off})
		}
		s.seqs = append(s.seqs, sec.sequences()...)
	}
	return s
}

// rarestWindow is the offset of b's 4-byte window with the most distinct byte values.
func rarestWindow(b []byte) int {
	best, bestScore := 0, -1
	for i := 0; i+4 <= len(b); i++ {
		seen := map[byte]bool{}
		for _, c := range b[i : i+4] {
			seen[c] = true
		}
		if len(seen) > bestScore {
			best, bestScore = i, len(seen)
		}
	}
	return best
}

// scan records every needle found in data, at place in source (rest, rpc, events, mempool,
// datadir, node log).
func (s *scanner) scan(source, place string, data []byte) {
	var hits []string
	for i := 0; i+4 <= len(data); i++ {
		if !s.first[uint16(data[i])|uint16(data[i+1])<<8] {
			continue
		}
		for _, n := range s.byWindow[binary.LittleEndian.Uint32(data[i:])] {
			start := i - n.offset
			if start >= 0 && start+len(n.b) <= len(data) && bytes.Equal(data[start:start+len(n.b)], n.b) {
				hits = append(hits, n.label)
			}
		}
	}
	nums := numberSequence(data)
	for _, n := range s.seqs {
		if bytes.Contains(nums, n.b) {
			hits = append(hits, n.label)
		}
	}
	if len(hits) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range hits {
		if s.found[h] == nil {
			s.found[h] = map[string]string{}
		}
		if _, ok := s.found[h][source]; !ok {
			s.found[h][source] = place
		}
	}
}

// report lists what was found where, one needle a line, sorted.
func (s *scanner) report() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for label, where := range s.found {
		for source, place := range where {
			out = append(out, fmt.Sprintf("%s: in %s, %s", label, source, place))
		}
	}
	sort.Strings(out)
	return out
}

// foundIn reports whether any needle whose label starts with prefix was found in source.
func (s *scanner) foundIn(prefix, source string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for label, where := range s.found {
		if _, ok := where[source]; ok && strings.HasPrefix(label, prefix) {
			return true
		}
	}
	return false
}

// TestLeakScannerFindsEveryForm checks the scanner against the forms a leak would take: the
// secret's bytes at any offset inside a longer byte string, shown as JSON base64 or hex, and
// its values printed as JSON, proto JSON (quoted), CSV or Go's %v; and that another vector in
// all those forms is not mistaken for it.
func TestLeakScannerFindsEveryForm(t *testing.T) {
	input, other := distinctImage(1), distinctImage(2)
	leaks := func(v []int64) map[string][]byte {
		forms := map[string][]byte{}
		for name, b := range encodings(v) {
			for pad := range 3 {
				blob := append(append(bytes.Repeat([]byte{0xa5}, pad), b...), 0x5a)
				j, err := json.Marshal(map[string][]byte{"field": blob})
				require.NoError(t, err)
				forms[fmt.Sprintf("%s in JSON base64 after %d bytes", name, pad)] = j
				forms[fmt.Sprintf("%s in hex after %d bytes", name, pad)] = []byte(hex.EncodeToString(blob))
				forms[fmt.Sprintf("%s raw after %d bytes", name, pad)] = blob
			}
		}
		quoted := make([]string, len(v))
		for i, x := range v {
			quoted[i] = strconv.FormatInt(x, 10)
		}
		j, err := json.Marshal(map[string]any{"values": v, "quoted": quoted})
		require.NoError(t, err)
		forms["JSON"] = j
		forms["CSV"] = []byte(strings.Join(quoted, ","))
		forms["%v"] = fmt.Appendf(nil, "output: %v", v)
		return forms
	}
	for name, form := range leaks(input) {
		s := newScanner(inputSecret(t, "input", input))
		s.scan("test", name, form)
		for start := 0; start < len(input); start += chunkLen {
			require.True(t, s.foundIn(fmt.Sprintf("input values[%d:]", start), "test"), "%s: values[%d:] not found", name, start)
		}
	}
	s := newScanner(inputSecret(t, "input", input))
	for name, form := range leaks(other) {
		s.scan("test", name, form)
	}
	require.Empty(t, s.report(), "another vector is not mistaken for the secret")
}
