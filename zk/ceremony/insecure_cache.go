package ceremony

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// InsecureTestPhase1 is deterministic and costs tens of seconds at the MNIST CNN's 2^17, so it
// is kept in the ceremony cache directory (the Lagrange cache's), as
// insecure-test-phase1-<n>-<sha256 hex>.bin: the name carries the content's hash, which is
// checked on every read (a corrupt file is recomputed and rewritten). The same name tells
// lagrangeOf that a phase 1 of that hash has public secrets, so its Lagrange form can be
// computed from them (insecureLagrange).

const insecureFilePrefix = "insecure-test-phase1-"

// readInsecureCache returns the cached InsecureTestPhase1(n), or nil.
func readInsecureCache(n uint64) []byte {
	dir := cacheDir()
	if dir == "" {
		return nil
	}
	paths, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("%s%d-*.bin", insecureFilePrefix, n)))
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if filepath.Base(path) == insecureFileName(n, fileHash(b)) {
			if _, err := commonsDomain(b); err == nil {
				return b
			}
		}
		_ = os.Remove(path) // corrupt: the caller rewrites it
	}
	return nil
}

// writeInsecureCache stores InsecureTestPhase1(n).
func writeInsecureCache(n uint64, b []byte) {
	if dir := cacheDir(); dir != "" {
		_ = writeFileAtomic(filepath.Join(dir, insecureFileName(n, fileHash(b))), b)
	}
}

func insecureFileName(n uint64, hash []byte) string {
	return fmt.Sprintf("%s%d-%s.bin", insecureFilePrefix, n, hex.EncodeToString(hash))
}

// isInsecureTestPhase1 reports whether commons, truncated from the phase 1 of hash phase1Hash,
// are InsecureTestPhase1's: this machine generated a phase 1 of that hash (its cache file), and
// the first powers are those of the public secrets (a cheap check that the file was not
// renamed).
func isInsecureTestPhase1(commons *mpcsetup.SrsCommons, phase1Hash []byte) bool {
	dir := cacheDir()
	if dir == "" || len(phase1Hash) == 0 || len(commons.G1.Tau) < 2 {
		return false
	}
	paths, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("%s*-%s.bin", insecureFilePrefix, hex.EncodeToString(phase1Hash))))
	if len(paths) == 0 {
		return false
	}
	tau, alpha, beta := insecureSecrets()
	_, _, g1, _ := curve.Generators()
	want := curve.BatchScalarMultiplicationG1(&g1, []fr.Element{tau, alpha, beta})
	return commons.G1.Tau[1].Equal(&want[0]) && commons.G1.AlphaTau[0].Equal(&want[1]) && commons.G1.BetaTau[0].Equal(&want[2])
}
