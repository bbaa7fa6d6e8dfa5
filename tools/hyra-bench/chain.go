package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hyra-network/hyra/testutil/localnet"
)

// benchNet is a running bench chain: its localnet and an RPC client per node.
type benchNet struct {
	net   *localnet.Net
	rpcs  []*rpcClient
	dir   string
	pprof string // node 0's pprof address (with -profile)
}

// startNet creates a chain of v validators in a new temporary directory
// (hyra-bench-NAME-*, removed by stop unless -keep) with genesis patched
// (the bench's accounts) and the node settings applied, starts it and waits
// for its first blocks.
func startNet(ctx context.Context, cfg config, name string, patch func(map[string]json.RawMessage) error, v int) (*benchNet, error) {
	dir, err := os.MkdirTemp("", "hyra-bench-"+name+"-")
	if err != nil {
		return nil, err
	}
	logf := func(string, ...any) {}
	if cfg.verbose {
		logf = func(f string, a ...any) { fmt.Printf("    "+f+"\n", a...) }
	}
	start := time.Now()
	n, err := localnet.Init(ctx, localnet.Config{
		Binary: cfg.hyrad, Dir: dir, ChainID: benchChainID, Validators: v,
		PatchGenesis: patch, Logf: logf,
	})
	if err != nil {
		return nil, err
	}
	var homes []string
	for _, node := range n.Nodes {
		homes = append(homes, node.Home)
	}
	if err := cfg.node.apply(homes); err != nil {
		return nil, err
	}
	bn := &benchNet{net: n, dir: dir}
	if cfg.profile != "" {
		if bn.pprof, err = servePprof(homes[0]); err != nil {
			return nil, err
		}
	}
	for _, node := range n.Nodes {
		bn.rpcs = append(bn.rpcs, newRPCClient(node.RPCURL()))
	}
	if err := n.Start(ctx, 2); err != nil {
		n.Kill()
		return nil, err
	}
	step("  %d-validator chain up in %s (%s)", v, time.Since(start).Round(time.Second), dir)
	return bn, nil
}

// stop stops the nodes and removes the chain unless kept.
func (b *benchNet) stop(keep bool) {
	if err := b.net.Stop(20 * time.Second); err != nil {
		b.net.Kill()
	}
	if !keep {
		_ = os.RemoveAll(b.dir)
	}
}

// cpuTime is the user+system CPU time used so far by the nodes' processes.
func (b *benchNet) cpuTime() time.Duration {
	var total time.Duration
	for _, pid := range b.pids() {
		total += processCPU(pid)
	}
	return total
}

// peakRSS is the largest peak resident memory of the nodes so far.
func (b *benchNet) peakRSS() uint64 {
	var peak uint64
	for _, pid := range b.pids() {
		peak = max(peak, processPeakRSS(pid))
	}
	return peak
}

// pids are the running nodes' process ids.
func (b *benchNet) pids() []string {
	var out []string
	for _, node := range b.net.Nodes {
		if pid, err := os.ReadFile(node.PIDFile()); err == nil {
			out = append(out, strings.TrimSpace(string(pid)))
		}
	}
	return out
}

// processCPU reads utime+stime of a process from /proc (clock ticks of
// 10 ms on Linux).
func processCPU(pid string) time.Duration {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * 10 * time.Millisecond
}

// selfCPU is this process's CPU time so far.
func selfCPU() time.Duration { return processCPU(strconv.Itoa(os.Getpid())) }
