package e2e_test

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
)

// distinctImage is a digits input that no other vector on the chain shares even in part: 64
// pseudo-random pixels in 1..16 from seed (never 0, the background of real images). Its
// shortest needle, 16 pixels, matches a given 16 bytes with probability 16^-16.
func distinctImage(seed uint64) []int64 {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) //nolint:gosec // a fixed test vector, not a secret
	v := make([]int64, 64)
	for i := range v {
		v[i] = 1 + rng.Int64N(16)
	}
	return v
}

// A secret is what the scan looks for: a task's input or output values, and the commitments
// to them that anyone could recompute from a guess (a dictionary attack needs no plaintext).
type secret struct {
	label       string
	values      []int64
	commitments map[string][]byte
}

// inputSecret is a task's input: its values and the unblinded commitments to it (the model's
// input commitment, and the hiding one with a zero blinding, which a public task stores).
func inputSecret(t *testing.T, label string, input []int64) secret {
	t.Helper()
	cIn, err := commit.Input(input)
	require.NoError(t, err)
	hidden := commit.HidingInput(cIn, fr.Element{})
	return secret{label: label, values: input, commitments: map[string][]byte{
		"input commitment": elemBytes(cIn), "zero-blinded hiding commitment": elemBytes(hidden),
	}}
}

// outputSecret is a task's output: its values, their commitment and their seal with a zero
// blinding (what a public task's statement carries).
func outputSecret(t *testing.T, label string, y []int64) secret {
	t.Helper()
	cOut, err := commit.Output(y)
	require.NoError(t, err)
	sealed, err := commit.SealOutput(y, fr.Element{})
	require.NoError(t, err)
	return secret{label: label, values: y, commitments: map[string][]byte{
		"output commitment": elemBytes(cOut), "zero-blinded sealed output": commit.EncodeSealed(sealed),
		"zero-blinded sealed output commitment": elemBytes(commit.SealedOutputCommitment(sealed)),
	}}
}

func elemBytes(e fr.Element) []byte {
	b := e.Bytes()
	return b[:]
}

// chunkLen is the longest run of values a needle holds: a leak of 2*chunkLen-1 consecutive
// values or more contains a whole chunk.
const chunkLen = 16

// needle is one byte string whose presence means the secret label is readable.
type needle struct {
	label string
	b     []byte
}

// needles returns every byte string that reveals s: each chunk of its values in each binary
// encoding the chain, zk or a careless client could use, its packed commitment lanes, and its
// commitments; each of those raw, in hex and in base64 (at the three offsets a byte string
// can take inside a longer base64 text). Text forms of the values (JSON, CSV, quoted) are
// matched by sequences (numberSequence) instead.
func (s secret) needles() []needle {
	var raw []needle
	for start := 0; start < len(s.values); start += chunkLen {
		chunk := s.values[start:min(start+chunkLen, len(s.values))]
		for name, b := range encodings(chunk) {
			raw = append(raw, needle{fmt.Sprintf("%s values[%d:]: %s", s.label, start, name), b})
		}
	}
	if packed, err := commit.Pack(s.values); err == nil {
		var be, le []byte
		for i, e := range packed {
			b := elemBytes(e)
			be, le = append(be, b...), append(le, reversed(b)...)
			if (i+1)*commit.LanesPerElement <= len(s.values) { // a full element: 7 distinct lanes
				raw = append(raw, needle{fmt.Sprintf("%s packed lane element %d", s.label, i), b})
			}
		}
		raw = append(raw, needle{s.label + " packed lanes (big-endian)", be}, needle{s.label + " packed lanes (little-endian)", le})
	}
	for name, b := range s.commitments {
		raw = append(raw, needle{s.label + " " + name, b})
	}
	var out []needle
	for _, n := range raw {
		out = append(out, n,
			needle{n.label + " (hex)", []byte(hex.EncodeToString(n.b))},
			needle{n.label + " (HEX)", []byte(strings.ToUpper(hex.EncodeToString(n.b)))})
		for k := range 3 {
			if m := (len(n.b) - k) / 3 * 3; m >= 12 {
				out = append(out, needle{
					fmt.Sprintf("%s (base64, offset %d)", n.label, k),
					[]byte(base64.RawStdEncoding.EncodeToString(n.b[k : k+m])),
				})
			}
		}
	}
	return out
}

// encodings is v in every fixed-width integer layout: the chain's vector encodings (UINT8,
// INT16, INT64, big-endian), their little-endian twins, 32-bit lanes (plain and offset by
// 2^31 as commit.Pack lays them), and one 32-byte field element per value.
func encodings(v []int64) map[string][]byte {
	out := map[string][]byte{}
	put := func(name string, width int, f func(b []byte, x int64)) {
		b := make([]byte, width*len(v))
		for i, x := range v {
			f(b[i*width:], x)
		}
		out[name] = b
	}
	if fitsUint8(v) {
		put("uint8", 1, func(b []byte, x int64) { b[0] = byte(x) })
	}
	put("int16 big-endian", 2, func(b []byte, x int64) { binary.BigEndian.PutUint16(b, uint16(x)) })                              //nolint:gosec // two's complement
	put("int16 little-endian", 2, func(b []byte, x int64) { binary.LittleEndian.PutUint16(b, uint16(x)) })                        //nolint:gosec
	put("int32 big-endian", 4, func(b []byte, x int64) { binary.BigEndian.PutUint32(b, uint32(x)) })                              //nolint:gosec
	put("int32 little-endian", 4, func(b []byte, x int64) { binary.LittleEndian.PutUint32(b, uint32(x)) })                        //nolint:gosec
	put("offset lanes big-endian", 4, func(b []byte, x int64) { binary.BigEndian.PutUint32(b, uint32(x-commit.MinValue)) })       //nolint:gosec
	put("offset lanes little-endian", 4, func(b []byte, x int64) { binary.LittleEndian.PutUint32(b, uint32(x-commit.MinValue)) }) //nolint:gosec
	put("int64 big-endian", 8, func(b []byte, x int64) { binary.BigEndian.PutUint64(b, uint64(x)) })                              //nolint:gosec
	put("int64 little-endian", 8, func(b []byte, x int64) { binary.LittleEndian.PutUint64(b, uint64(x)) })                        //nolint:gosec
	put("field elements", fr.Bytes, func(b []byte, x int64) {
		var e fr.Element
		e.SetInt64(x)
		eb := e.Bytes()
		copy(b, eb[:])
	})
	return out
}

func fitsUint8(v []int64) bool {
	for _, x := range v {
		if x < 0 || x > 255 {
			return false
		}
	}
	return true
}

func reversed(b []byte) []byte {
	out := make([]byte, len(b))
	for i, x := range b {
		out[len(b)-1-i] = x
	}
	return out
}

// sequences returns the secret's values as number sequences (",v1,v2,...,"), chunk by chunk:
// numberSequence turns any text into the same form, whatever its separators, brackets,
// quotes or spaces (JSON arrays, proto JSON's quoted int64s, CSV, logs).
func (s secret) sequences() []needle {
	var out []needle
	for start := 0; start < len(s.values); start += chunkLen {
		chunk := s.values[start:min(start+chunkLen, len(s.values))]
		var b strings.Builder
		b.WriteByte(',')
		for _, x := range chunk {
			b.WriteString(strconv.FormatInt(x, 10))
			b.WriteByte(',')
		}
		out = append(out, needle{fmt.Sprintf("%s values[%d:] as text", s.label, start), []byte(b.String())})
	}
	return out
}

// numberSequence is the integers written in data, in order, as ",n1,n2,...,": a minus sign
// belongs to the number it precedes.
func numberSequence(data []byte) []byte {
	out := []byte{','}
	for i := 0; i < len(data); {
		j := i
		if data[j] == '-' && j+1 < len(data) && isDigit(data[j+1]) {
			j++
		}
		if !isDigit(data[j]) {
			i++
			continue
		}
		for j < len(data) && isDigit(data[j]) {
			j++
		}
		out = append(append(out, data[i:j]...), ',')
		i = j
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
