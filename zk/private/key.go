// Package private is the envelope of private tasks (zk/README.md "Private tasks"): a task's input
// and blinding travel encrypted with HPKE (RFC 9180, Go's crypto/hpke) under
// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and ChaCha20Poly1305, to a worker's key or to the
// client's own, bound to one chain, task, worker and purpose. Nothing here is new cryptography:
// the construction is the standard library's HPKE with a fixed suite.
package private

import (
	"crypto/ecdh"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// PublicKeySize is the size of an X25519 public key, what a claim carries.
const PublicKeySize = 32

// ErrKeyFile is wrapped when a key file cannot be used: unreadable, malformed, or readable by
// other users.
var ErrKeyFile = errors.New("private key file")

// KeyPair is an X25519 key pair for HPKE. A worker keeps one in its key directory and publishes
// the public half with each claim; a client keeps one to encrypt inputs to itself.
type KeyPair struct {
	priv *ecdh.PrivateKey
}

// GenerateKey returns a fresh key pair from crypto/rand.
func GenerateKey() (*KeyPair, error) {
	k, err := ecdh.X25519().GenerateKey(nil)
	if err != nil {
		return nil, err
	}
	return &KeyPair{priv: k}, nil
}

// PublicKey is the 32-byte X25519 public key.
func (k *KeyPair) PublicKey() []byte { return k.priv.PublicKey().Bytes() }

// LoadOrCreateKey reads the key pair at path (the private key in hex, one line), or creates one
// there with file mode 0600 (directories 0700) if the file does not exist. An existing file that
// group or others may read or write is refused rather than used: its key may be known.
func LoadOrCreateKey(path string) (*KeyPair, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s has mode %v, want 0600", ErrKeyFile, path, st.Mode().Perm())
	}
	raw, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	k, err := ecdh.X25519().NewPrivateKey(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	return &KeyPair{priv: k}, nil
}

func createKey(path string) (*KeyPair, error) {
	k, err := GenerateKey()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	// O_EXCL: two processes starting at once never overwrite each other's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	_, werr := f.WriteString(hex.EncodeToString(k.priv.Bytes()) + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, werr)
	}
	return k, nil
}
