package ceremony

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// A phase-2 transcript lives in one directory per model version (TranscriptDir):
//
//	<root>/phase2/<model>-v<version>/
//	  manifest.json        what the chain records, in hex, and the file list
//	  000-initial.bin      the initial state (Begin)
//	  001-<contributor>.bin, 002-<contributor>.bin, ...   each contribution's state, in order
//
// The manifest is a convenience index: Verify recomputes everything from the artifact and phase 1
// and needs only the state files in order.
const (
	ManifestFile     = "manifest.json"
	InitialStateFile = "000-initial.bin"
	TranscriptFormat = "hyra-setup-transcript/v1"
)

// Manifest describes a transcript directory. Byte fields are hex.
type Manifest struct {
	Format             string          `json:"format"`
	Model              string          `json:"model"`
	Version            uint64          `json:"version"`
	ArtifactSHA256     string          `json:"artifact_sha256"`
	Phase1SHA256       string          `json:"phase1_sha256"`
	InitialStateSHA256 string          `json:"initial_state_sha256"`
	VKK                string          `json:"vk_k"`
	Constraints        int             `json:"constraints"`
	DomainSize         uint64          `json:"domain_size"`
	Contributions      []ManifestEntry `json:"contributions"`
	Beacon             string          `json:"beacon,omitempty"`        // set by Finalize
	VerifyingKey       string          `json:"verifying_key,omitempty"` // set by Finalize
}

// ManifestEntry is one contribution's file.
type ManifestEntry struct {
	File        string `json:"file"`
	Contributor string `json:"contributor"`
	StateSHA256 string `json:"state_sha256"`
}

// Transcript is a loaded transcript directory.
type Transcript struct {
	Dir      string
	Manifest Manifest
	Initial  []byte
	States   [][]byte // contributions in order
}

var contributorName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,90}$`)

// TranscriptDir is where a model version's transcript lives under root.
func TranscriptDir(root, model string, version uint64) string {
	return filepath.Join(root, "phase2", model+"-v"+strconv.FormatUint(version, 10))
}

// CreateTranscript starts a transcript directory with the initial state of s.
func CreateTranscript(dir, model string, version uint64, s *Setup) error {
	if _, err := os.Stat(filepath.Join(dir, ManifestFile)); err == nil {
		return fmt.Errorf("%w: %s already holds a transcript", ErrTranscript, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, InitialStateFile), s.State, 0o644); err != nil {
		return err
	}
	return writeManifest(dir, &Manifest{
		Format: TranscriptFormat, Model: model, Version: version,
		ArtifactSHA256: hex.EncodeToString(s.ArtifactHash), Phase1SHA256: hex.EncodeToString(s.Phase1Hash),
		InitialStateSHA256: hex.EncodeToString(s.InitialStateHash), VKK: hex.EncodeToString(s.VKK),
		Constraints: s.Constraints, DomainSize: s.DomainSize, Contributions: []ManifestEntry{},
	})
}

// AddContribution stores a contributed state as the transcript's next file and lists it.
func AddContribution(dir, contributor string, state []byte) error {
	if !contributorName.MatchString(contributor) {
		return fmt.Errorf("%w: contributor name %q (want 1-90 of [A-Za-z0-9._-], e.g. an address)", ErrTranscript, contributor)
	}
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("%03d-%s.bin", len(m.Contributions)+1, contributor)
	if err := os.WriteFile(filepath.Join(dir, name), state, 0o644); err != nil {
		return err
	}
	m.Contributions = append(m.Contributions, ManifestEntry{File: name, Contributor: contributor, StateSHA256: hex.EncodeToString(fileHash(state))})
	return writeManifest(dir, m)
}

// SetFinal records the finalization beacon and the resulting verifying key in the manifest.
func SetFinal(dir string, beacon, verifyingKey []byte) error {
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	m.Beacon, m.VerifyingKey = hex.EncodeToString(beacon), hex.EncodeToString(verifyingKey)
	return writeManifest(dir, m)
}

// LoadTranscript reads a transcript directory: the manifest, the initial state and every listed
// contribution, each checked against the hash the manifest lists.
func LoadTranscript(dir string) (*Transcript, error) {
	m, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	t := &Transcript{Dir: dir, Manifest: *m}
	if t.Initial, err = readListed(dir, InitialStateFile, m.InitialStateSHA256); err != nil {
		return nil, err
	}
	for i, e := range m.Contributions {
		if !contributorName.MatchString(e.Contributor) {
			return nil, fmt.Errorf("%w: contribution %d: contributor name %q", ErrTranscript, i+1, e.Contributor)
		}
		if want := fmt.Sprintf("%03d-%s.bin", i+1, e.Contributor); e.File != want {
			return nil, fmt.Errorf("%w: contribution %d is listed as %q, want %q", ErrTranscript, i+1, e.File, want)
		}
		b, err := readListed(dir, e.File, e.StateSHA256)
		if err != nil {
			return nil, err
		}
		t.States = append(t.States, b)
	}
	return t, nil
}

// Last returns the state the next contribution starts from.
func (t *Transcript) Last() []byte {
	if len(t.States) == 0 {
		return t.Initial
	}
	return t.States[len(t.States)-1]
}

// final returns the beacon and verifying key the manifest lists.
func (t *Transcript) final() (beacon, vk []byte, err error) {
	if beacon, err = hex.DecodeString(t.Manifest.Beacon); err == nil {
		vk, err = hex.DecodeString(t.Manifest.VerifyingKey)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", ErrTranscript, ManifestFile, err)
	}
	return beacon, vk, nil
}

func readListed(dir, name, wantHex string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTranscript, err)
	}
	if got := hex.EncodeToString(fileHash(b)); got != wantHex {
		return nil, fmt.Errorf("%w: %s has sha256 %s, the manifest lists %s", ErrTranscript, name, got, wantHex)
	}
	return b, nil
}

func readManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTranscript, err)
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrTranscript, ManifestFile, err)
	}
	if m.Format != TranscriptFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrTranscript, m.Format, TranscriptFormat)
	}
	return &m, nil
}

func writeManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ManifestFile), append(b, '\n'), 0o644)
}
