package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// load is a client that routes iris tasks back to back with `hyrad client
// infer` (without --wait: each call returns once the routing transaction is
// committed) until stopped. A failed call is counted, not fatal: under a
// fault the node may be gone or the chain halted, and whether such a
// transaction landed after all is settled by the ledger checks, which look at
// the chain, not at what the client was told.
type load struct {
	account string
	stop    chan struct{}
	done    chan struct{}

	mu       sync.Mutex
	ids      []uint64
	failures []string
}

// startLoad starts routing tasks for model 1 from account through node i,
// each with a deadline ttl ahead.
func (m *market) startLoad(account string, i int, ttl time.Duration) *load {
	l := &load{account: account, stop: make(chan struct{}), done: make(chan struct{})}
	node := m.node(i).RPCAddr()
	go func() {
		defer close(l.done)
		for k := 0; ; k++ {
			select {
			case <-l.stop:
				return
			case <-m.ctx.Done():
				return
			default:
			}
			l.record(m.infer(node, account, servedModel, csv(m.inputs[k%len(m.inputs)]), ttl))
		}
	}()
	m.t.Cleanup(l.halt)
	return l
}

// infer routes one task for a model and returns its id.
func (m *market) infer(node, account, model, input string, ttl time.Duration) (uint64, error) {
	ctx, cancel := context.WithTimeout(m.ctx, 90*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, hyrad, "client", "infer", "--model", model, "--input", input,
		"--ttl", ttl.String(), "--output", "json", "--from", account, "--home", m.net.ClientHome, "--node", node).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%w: %s", err, hyradtest.LastLine(string(out)))
	}
	var res struct {
		TaskID uint64 `json:"task_id"`
	}
	if err := json.Unmarshal([]byte(hyradtest.LastLine(string(out))), &res); err != nil {
		return 0, fmt.Errorf("%w: %s", err, out)
	}
	return res.TaskID, nil
}

// csv writes a vector as --input takes it.
func csv(v []int64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}

func (l *load) record(id uint64, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.failures = append(l.failures, err.Error())
		return
	}
	l.ids = append(l.ids, id)
}

// halt stops the client after the call in flight.
func (l *load) halt() {
	select {
	case <-l.stop:
	default:
		close(l.stop)
	}
	<-l.done
}

// routed returns the number of tasks routed and of failed calls so far.
func (l *load) routed() (ok int, failed int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.ids), len(l.failures)
}

// summary describes the failures for the report: their count and the first.
func (l *load) summary() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := fmt.Sprintf("%s: %d routed, %d failed calls", l.account, len(l.ids), len(l.failures))
	if len(l.failures) > 0 {
		s += " (first: " + l.failures[0] + ")"
	}
	return s
}
