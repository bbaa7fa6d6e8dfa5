package ceremony

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// The Lagrange form of phase 1 depends only on the sealed commons and the domain size, not on
// the circuit, yet it is most of every begin, contribute, verify and finalize (each a separate
// process). It is therefore kept on disk per machine, keyed by (phase-1 hash, domain size). The
// content is derived locally: a missing, foreign or corrupt file is recomputed and rewritten,
// never trusted or reported.

// CacheEnv names the directory of the Lagrange cache; unset, it is <user cache dir>/hyra/lagrange.
const CacheEnv = "HYRA_CEREMONY_CACHE"

// lagrangeMagic starts every cache file (format version included).
const lagrangeMagic = "hyra-lagrange-v1"

// g1Raw and g2Raw are the sizes of uncompressed points.
const g1Raw, g2Raw = curve.SizeOfG1AffineUncompressed, curve.SizeOfG2AffineUncompressed

// lagrangeBasis is phase 1 in the Lagrange basis: [L_i(τ)]₁, [αL_i(τ)]₁, [βL_i(τ)]₁, [L_i(τ)]₂.
type lagrangeBasis struct {
	phase1Hash          [sha256.Size]byte
	n                   uint64
	tau1, alpha1, beta1 []curve.G1Affine
	tau2                []curve.G2Affine
}

// lagrangeOf returns commons (of domain n) in the Lagrange basis, from the cache when it holds
// the file of (phase1Hash, n), else computed and stored. A nil phase1Hash disables the cache.
func lagrangeOf(commons *mpcsetup.SrsCommons, phase1Hash []byte, n int) *lagrangeBasis {
	path := lagrangePath(phase1Hash, n)
	if path != "" {
		if b, err := readLagrange(path, phase1Hash, n); err == nil {
			return b
		}
	}
	var l *lagrangeBasis
	if isInsecureTestPhase1(commons, phase1Hash) {
		l, _ = insecureLagrange(n) // nil in the impossible case tau is a root of unity: FFT then
	}
	if l == nil {
		l = &lagrangeBasis{n: uint64(n)} //nolint:gosec // G115: domain sizes are non-negative
		run(
			func() { l.tau1 = lagrangeG1(commons.G1.Tau, n) },
			func() { l.alpha1 = lagrangeG1(commons.G1.AlphaTau, n) },
			func() { l.beta1 = lagrangeG1(commons.G1.BetaTau, n) },
			func() { l.tau2 = lagrangeG2(commons.G2.Tau, n) },
		)
	}
	copy(l.phase1Hash[:], phase1Hash)
	if path != "" {
		_ = writeLagrange(path, l) // best effort: without the file the next run recomputes
	}
	return l
}

// lagrangePath is the cache file of (phase1Hash, n), or "" when there is no cache.
func lagrangePath(phase1Hash []byte, n int) string {
	dir := cacheDir()
	if len(phase1Hash) != sha256.Size || dir == "" {
		return ""
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%d.bin", hex.EncodeToString(phase1Hash), n))
}

// cacheDir is $HYRA_CEREMONY_CACHE, else <user cache dir>/hyra/lagrange, or "" when neither is
// known.
func cacheDir() string {
	if dir := os.Getenv(CacheEnv); dir != "" {
		return dir
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "hyra", "lagrange")
}

// readLagrange reads the cache file (canonical encoding, no trailing bytes, checksum) and accepts
// it only for the expected key.
func readLagrange(path string, phase1Hash []byte, n int) (*lagrangeBasis, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	l := new(lagrangeBasis)
	if err := decode(l, b); err != nil {
		return nil, err
	}
	if !bytes.Equal(l.phase1Hash[:], phase1Hash) || l.n != uint64(n) { //nolint:gosec // G115: domain sizes are non-negative
		return nil, fmt.Errorf("%w: cache file of another phase 1 or size", ErrMalformed)
	}
	return l, nil
}

// writeLagrange stores l (writeFileAtomic).
func writeLagrange(path string, l *lagrangeBasis) error {
	b, err := encode(l)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, b)
}

// writeFileAtomic writes a cache file through a temporary file renamed into place, so a reader
// sees either no file or a whole one.
func writeFileAtomic(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // no-op after the rename
	if _, err := f.Write(b); err != nil {
		_ = f.Close() // the write error is the one to report
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// WriteTo writes the header (magic, phase-1 hash, n), the points uncompressed (no square roots
// to decode) and a sha256 of everything before it, which catches corruption that leaves valid
// points.
func (l *lagrangeBasis) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(lagrangeMagic)
	buf.Write(l.phase1Hash[:])
	buf.Write(binary.BigEndian.AppendUint64(nil, l.n))
	enc := curve.NewEncoder(&buf, curve.RawEncoding())
	for _, v := range []any{l.tau1, l.alpha1, l.beta1, l.tau2} {
		if err := enc.Encode(v); err != nil {
			return 0, err
		}
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return buf.WriteTo(w)
}

// ReadFrom reads what WriteTo writes, checking the magic, the checksum and that every vector
// has n points.
func (l *lagrangeBasis) ReadFrom(r io.Reader) (int64, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return int64(len(b)), err
	}
	head := len(lagrangeMagic) + sha256.Size + 8
	if len(b) < head+sha256.Size || string(b[:len(lagrangeMagic)]) != lagrangeMagic {
		return int64(len(b)), fmt.Errorf("not a Lagrange cache file")
	}
	l.n = binary.BigEndian.Uint64(b[head-8 : head])
	if l.n > 1<<32 || uint64(len(b)) != uint64(head+sha256.Size)+3*(4+g1Raw*l.n)+4+g2Raw*l.n {
		return int64(len(b)), fmt.Errorf("%d bytes, not the size of %d points", len(b), l.n)
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if want := sha256.Sum256(body); !bytes.Equal(want[:], sum) {
		return int64(len(b)), fmt.Errorf("checksum mismatch")
	}
	copy(l.phase1Hash[:], b[len(lagrangeMagic):])
	points := bytes.NewReader(body[head:])
	// No subgroup checks (a G2 check costs more than decoding the point): the file is this
	// machine's own output, and the checksum above catches its corruption.
	dec := curve.NewDecoder(points, curve.NoSubgroupChecks())
	for _, v := range []any{&l.tau1, &l.alpha1, &l.beta1, &l.tau2} {
		if err := dec.Decode(v); err != nil {
			return int64(len(b)), err
		}
	}
	if points.Len() != 0 {
		return int64(len(b)), fmt.Errorf("%d bytes after the points", points.Len())
	}
	for _, m := range []int{len(l.tau1), len(l.alpha1), len(l.beta1), len(l.tau2)} {
		if uint64(m) != l.n { //nolint:gosec // G115: domain sizes are non-negative
			return int64(len(b)), fmt.Errorf("%d points, want %d", m, l.n)
		}
	}
	return int64(len(b)), nil
}
