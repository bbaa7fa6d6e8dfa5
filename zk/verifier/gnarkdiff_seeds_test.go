package verifier_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/fuzz/FuzzVerifyAgainstGnark from diffSeeds")

const corpusDir = "testdata/fuzz/FuzzVerifyAgainstGnark"

// diffSeed is a fuzz input with the verdict it must get.
type diffSeed struct {
	name      string
	circuit   uint8
	statement []byte
	ops       []byte
	want      string
}

// op encodes one mutation with its argument bytes.
func op(code int, args ...byte) []byte { return append([]byte{byte(code)}, args...) }

func seq(ops ...[]byte) []byte {
	var out []byte
	for _, o := range ops {
		out = append(out, o...)
	}
	return out
}

// k8 is an 8-byte big-endian argument.
func k8(v uint64) []byte {
	return []byte{byte(v >> 56), byte(v >> 48), byte(v >> 40), byte(v >> 32), byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
}

// Point slots, as pick numbers them: the proof's G1 points (Ar, Krs, CommitmentPok) then Bs; the
// key's G1 points (alpha, beta1, delta1, K0..K3) then its G2 points (beta, gamma, delta).
const (
	slotAr, slotKrs, slotPok, slotBs                         = 0, 1, 2, 3
	slotAlpha, slotBeta1, slotDelta1, slotK0, slotK1, slotK2 = 0, 1, 2, 3, 4, 5
	slotBeta, slotDelta                                      = 7, 9
)

// Point kinds of replacePoint.
const (
	kindInfinity, kindGenerator, kindNeg, kindDouble, kindPlusGen, kindMultiple = 0, 1, 2, 3, 4, 5
	kindXOnly, kindNotField, kindSignFlag, kindOutsideSubgroup                  = 6, 7, 8, 9
)

var randomStatement = []byte("\x07hyra-fz\x00\x00\x00\x00\x00\x00\x01\x2a0123456789abcdefghij\x05\x40\x7f\x10\x03\x07")

var diffSeeds = []diffSeed{
	{"valid iris", 0, nil, nil, bothAccept},
	{"valid tiny", 1, nil, nil, bothAccept},
	{"random statement iris", 0, randomStatement, nil, bothAccept},
	{"random statement tiny", 1, randomStatement, nil, bothAccept},
	{"bit flip in Ar", 0, nil, op(opFlipProofBit, 0, 5, 3), bothRefuse},
	{"bit flip in Bs", 1, nil, op(opFlipProofBit, 0, 60, 0), bothRefuse},
	{"bit flip in a K point", 0, nil, op(opFlipKeyBit, 1, 74, 2), bothRefuse},
	{"bit flip in the zero commitment proof of knowledge", 0, nil, op(opFlipProofBit, 0, 150, 1), bothRefuse},
	{"Ar at infinity", 0, nil, op(opProofPoint, slotAr, kindInfinity), bothRefuse},
	{"Krs at infinity", 1, nil, op(opProofPoint, slotKrs, kindInfinity), bothRefuse},
	{"Bs outside the subgroup", 0, nil, seq(op(opProofPoint, slotBs, kindOutsideSubgroup), k8(3)), bothRefuse},
	{"Krs x-only", 0, nil, seq(op(opProofPoint, slotKrs, kindXOnly), k8(5)), bothRefuse},
	{"Ar x beyond the field", 1, nil, seq(op(opProofPoint, slotAr, kindNotField), k8(1)), bothRefuse},
	{"Bs negated", 0, nil, op(opProofPoint, slotBs, kindNeg), bothRefuse},
	{"Bs sign flag flipped", 1, randomStatement, op(opProofPoint, slotBs, kindSignFlag), bothRefuse},
	{"Ar uncompressed flag in a compressed slot", 0, nil, op(opProofPoint, slotAr, kindOutsideSubgroup), bothRefuse},
	{"Ar doubled", 0, nil, op(opProofPoint, slotAr, kindDouble), bothRefuse},
	{"commitment proof of knowledge not at infinity", 0, nil, op(opProofPoint, slotPok, kindGenerator), stricterEncoding},
	{"trailing byte on the proof", 0, nil, op(opResizeProof, 0, 0), stricterEncoding},
	{"trailing bytes on the key", 1, nil, op(opResizeKey, 3, 1, 2, 3, 4), stricterEncoding},
	{"truncated proof", 0, nil, op(opResizeProof, 0xff), bothRefuse},
	{"truncated key", 1, nil, op(opResizeKey, 0xf8), bothRefuse},
	{"uncompressed Ar", 0, nil, op(opUncompressProofPoint, slotAr), stricterEncoding},
	{"uncompressed Bs", 1, nil, op(opUncompressProofPoint, slotBs), stricterEncoding},
	{"uncompressed K point", 0, nil, op(opUncompressKeyPoint, slotK1), stricterEncoding},
	{"uncompressed delta", 1, nil, op(opUncompressKeyPoint, slotDelta), stricterEncoding},
	{"Ar and Krs swapped", 0, nil, op(opSwapProofPoints, 1, 0, 1), bothRefuse},
	{"gamma and delta swapped", 0, nil, op(opSwapKeyPoints, 0, 1, 2), bothRefuse},
	{"two K points swapped", 1, nil, op(opSwapKeyPoints, 1, 4, 5), bothRefuse},
	{"K point negated", 0, nil, op(opKeyPoint, slotK2, kindNeg), bothRefuse},
	{"K0 times 7", 1, nil, seq(op(opKeyPoint, slotK0, kindMultiple), k8(7)), bothRefuse},
	{"delta is the generator", 0, nil, op(opKeyPoint, slotDelta, kindGenerator), bothRefuse},
	{"beta outside the subgroup", 1, nil, seq(op(opKeyPoint, slotBeta, kindOutsideSubgroup), k8(11)), bothRefuse},
	{"alpha at infinity", 0, nil, op(opKeyPoint, slotAlpha, kindInfinity), bothRefuse},
	{"K1 plus the generator", 0, randomStatement, op(opKeyPoint, slotK1, kindPlusGen), bothRefuse},
	// beta1 and delta1 are the prover's: neither verifier reads them beyond decoding.
	{"beta1 replaced", 0, nil, op(opKeyPoint, slotBeta1, kindGenerator), bothAccept},
	{"delta1 doubled", 1, nil, op(opKeyPoint, slotDelta1, kindDouble), bothAccept},
	{"delta1 not a field element", 1, nil, seq(op(opKeyPoint, slotDelta1, kindNotField), k8(2)), bothRefuse},
	{"another task id", 0, nil, op(opStatement, 0, 0), bothRefuse},
	{"another chain id", 1, nil, op(opStatement, 1, 3), bothRefuse},
	{"another worker", 0, nil, op(opStatement, 2, 7, 1), bothRefuse},
	{"another input", 1, nil, op(opStatement, 3, 1, 0), bothRefuse},
	{"another output", 0, nil, op(opStatement, 4, 2, 0), bothRefuse},
	{"no chain id", 0, nil, op(opStatement, 5), bothRefuse},
	{"output not a vector", 1, nil, op(opStatement, 6, 9), bothRefuse},
	{"the other circuit's key", 0, nil, op(opOtherKey, 1), bothRefuse},
	{"forgery under gamma = delta", 0, randomStatement, op(opForge), stricterKey},
	{"forgery under gamma = delta, tiny", 1, nil, op(opForge), stricterKey},
	{"forgery with a trailing byte", 0, nil, seq(op(opForge), op(opResizeProof, 0, 9)), stricterEncoding},
	{"K count 5", 0, nil, op(opSetKeyUint32, 0, 0, 0, 0, 5), bothRefuse},
	{"K count 3", 1, nil, op(opSetKeyUint32, 0, 0, 0, 0, 3), bothRefuse},
	{"K count past the input", 0, nil, op(opSetKeyUint32, 0, 0xff, 0xff, 0xff, 0xff), bothRefuse},
	{"one committed input list", 0, nil, op(opSetKeyUint32, 1, 0, 0, 0, 1), bothRefuse},
	{"commitment keys past the input", 1, nil, op(opSetKeyUint32, 2, 0x10, 0, 0, 0), bothRefuse},
	{"one commitment in the proof", 0, nil, op(opSetProofUint32, 0, 0, 0, 0, 1), bothRefuse},
	{"commitments past the input", 1, nil, op(opSetProofUint32, 0, 0x7f, 0, 0, 0), bothRefuse},
}

// TestGnarkDifferences runs each seed through the differential check and requires its
// verdict: where the two verifiers agree, and exactly where this one is stricter.
func TestGnarkDifferences(t *testing.T) {
	cs := loadDiffCircuits(t)
	for _, s := range diffSeeds {
		t.Run(s.name, func(t *testing.T) {
			require.Equal(t, s.want, diffVerdict(t, diffInput(t, cs, s.circuit, s.statement, s.ops)))
		})
	}
}

// corpusFile is s in the format of go test's fuzz corpus.
func corpusFile(s diffSeed) string {
	return fmt.Sprintf("go test fuzz v1\nbyte(%q)\n[]byte(%q)\n[]byte(%q)\n", s.circuit, s.statement, s.ops)
}

// corpusName is the seed's file name: its name in lower case, words joined by dashes.
func corpusName(s diffSeed) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s.name), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}), "-")
}

// TestFuzzCorpusInSync: testdata/fuzz/FuzzVerifyAgainstGnark holds every seed of diffSeeds
// (run with -update-corpus to write them), so that go test runs each through the fuzz target
// too, beside any input the fuzzer found and that was added there.
func TestFuzzCorpusInSync(t *testing.T) {
	if *updateCorpus {
		require.NoError(t, os.MkdirAll(corpusDir, 0o755))
		for _, s := range diffSeeds {
			require.NoError(t, os.WriteFile(filepath.Join(corpusDir, corpusName(s)), []byte(corpusFile(s)), 0o644))
		}
	}
	for _, s := range diffSeeds {
		b, err := os.ReadFile(filepath.Join(corpusDir, corpusName(s)))
		require.NoError(t, err, "seed %q: run go test -run TestFuzzCorpusInSync -update-corpus ./zk/verifier", s.name)
		require.Equal(t, corpusFile(s), string(b), "seed %q", s.name)
	}
}
