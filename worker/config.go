// Package worker is the inference worker daemon behind `hyrad worker start`:
// it registers and bonds its account, learns of tasks from CometBFT events
// (polling as a fallback), claims one task at a time, fetches the task's
// model version from the chain, proves the output with a local proving key,
// and submits the result, which pays it. Everything it does is logged with
// timings; nothing it holds is dropped without a log line saying why.
package worker

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Config is what `hyrad worker start` is told on its command line.
type Config struct {
	// Pools restricts claims to these pools (x/taskpool ClaimTask). Empty:
	// claim through the router, across the pools of the served models.
	Pools []uint64
	// Models restricts the worker to these models. Empty: every active model
	// whose proving key is in KeysDir.
	Models []uint64
	// KeysDir holds proving keys as KeysDir/<artifact sha256 hex>/proving.key.
	// A key missing there for a version whose multi-party setup finished is
	// derived from the setup's transcript (CeremonyRoot) and written there.
	KeysDir string
	// CeremonyRoot is where the setup transcripts of model versions are,
	// ROOT/phase2/<model id>-v<version>: a directory or an http(s) URL.
	// Empty: the worker neither contributes nor derives keys.
	CeremonyRoot string
	// Phase1 is the network's sealed phase-1 file, needed with CeremonyRoot.
	Phase1 string
	// ContributeSetups makes the worker contribute, once, to every open
	// setup of a model version it is willing to serve whose transcript is
	// in CeremonyRoot (a directory).
	ContributeSetups bool
	// Bond is how much to bond when the bond is below min_worker_bond; zero
	// bonds just what is missing.
	Bond sdk.Coin
	// PollInterval is how often the chain is polled for tasks when no event
	// arrives (events are lost while the websocket is down).
	PollInterval time.Duration
	// SubmitGrace is how long a stop request waits for a task in progress to
	// be submitted: an abandoned claim costs the worker part of its bond.
	SubmitGrace time.Duration
	// MinWindow is the least time the worker needs to prove and submit a
	// task: it claims only in pools whose claim timeout is at least this
	// long (through the router: ClaimBest min_window).
	MinWindow time.Duration
	// Batch is how many tasks the worker claims in one transaction, and
	// submits the results of in one: 1 (the default) works one task at a
	// time; more pipelines (claim a batch, prove it in parallel, submit it),
	// up to x/taskpool's max_active_tasks.
	Batch int
	// Provers is how many proofs of a batch are made at once (default
	// GOMAXPROCS).
	Provers int
	// Private makes the worker take private tasks: its claims carry the
	// public half of an X25519 key kept at EncryptionKeyPath (created on
	// first start), to which task creators encrypt their inputs.
	Private bool
	// MetricsAddr is where /metrics (Prometheus) and /healthz are served,
	// host:port; empty serves nothing.
	MetricsAddr string
}

// Defaults for the optional settings.
const (
	DefaultPollInterval = 3 * time.Second
	DefaultSubmitGrace  = 45 * time.Second
	// DefaultMinWindow is the chain's default min_claim_timeout: by default
	// the worker takes any pool; a worker whose models take long to prove
	// raises it.
	DefaultMinWindow = 10 * time.Second
	// MaxBatch is the largest batch: the chain's upper bound of
	// max_active_tasks.
	MaxBatch = 100
)

// Validate checks the config and fills in defaults.
func (c *Config) Validate() error {
	if c.KeysDir == "" {
		return errors.New("a keys directory is required (--keys-dir)")
	}
	if c.PollInterval == 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.PollInterval < 100*time.Millisecond {
		return fmt.Errorf("poll interval %s is too short (minimum 100ms)", c.PollInterval)
	}
	if c.Batch == 0 {
		c.Batch = 1
	}
	if c.Batch < 1 || c.Batch > MaxBatch {
		return fmt.Errorf("batch %d: must be in [1, %d]", c.Batch, MaxBatch)
	}
	if c.Provers == 0 {
		c.Provers = runtime.GOMAXPROCS(0)
	}
	if c.Provers < 1 {
		return fmt.Errorf("provers %d: must be at least 1", c.Provers)
	}
	if c.SubmitGrace == 0 {
		c.SubmitGrace = DefaultSubmitGrace
	}
	if c.CeremonyRoot != "" && c.Phase1 == "" {
		return errors.New("a ceremony root needs the network's phase-1 file (--phase1)")
	}
	if c.MinWindow < 0 {
		return fmt.Errorf("minimum window %s is negative", c.MinWindow)
	}
	if !c.Bond.IsNil() && !c.Bond.IsZero() {
		if err := c.Bond.Validate(); err != nil {
			return fmt.Errorf("bond: %w", err)
		}
	}
	return nil
}

// ParseIDs reads a comma-separated list of ids ("1,2,5"). Duplicates are
// dropped; an empty string is an empty list.
func ParseIDs(s string) ([]uint64, error) {
	var ids []uint64
	seen := map[uint64]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		id, err := strconv.ParseUint(f, 10, 64)
		if err != nil || id == 0 {
			return nil, fmt.Errorf("%q is not an id (a positive integer)", f)
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}
