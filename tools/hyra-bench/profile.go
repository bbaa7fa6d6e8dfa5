package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// profileFor is how long the profile runs from the start of the push;
// readsProfileFor how long the sustained mode's profile of its reads after
// the first repetition runs (they take less, and the bench waits for its end
// before going on).
const (
	profileFor      = 10 * time.Second
	readsProfileFor = 10 * time.Second
)

// servePprof makes node 0 (home) serve pprof on a free loopback port, which
// it returns: other nodes, and other programs' nodes, keep theirs.
func servePprof(home string) (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		return "", err
	}
	return addr, setTOML(filepath.Join(home, "config", "config.toml"), "rpc", "pprof_laddr", tomlValue(addr))
}

// profileIf starts profiling node 0 for d when -profile is given (the
// burst push, or the sustained mode's measured phase and its reads), into
// <-profile>.<validators>v<suffix>.pprof; the function it returns waits for
// the profile and says where it is.
func (b *benchNet) profileIf(ctx context.Context, cfg config, suffix string, d time.Duration) (wait func()) {
	if b.pprof == "" {
		return func() {}
	}
	path := fmt.Sprintf("%s.%dv%s.pprof", cfg.profile, len(b.net.Nodes), suffix)
	done := profileNode(ctx, b.pprof, path, d)
	return func() {
		if err := done(); err != nil {
			step("  profile: %v", err)
		} else {
			step("  CPU profile of node 0 in %s", path)
		}
	}
}

// profileNode fetches a CPU profile of node 0 for d from CometBFT's pprof
// server (config:rpc.pprof_laddr, which servePprof sets) into path, in the
// background; wait returns once it is written.
func profileNode(ctx context.Context, addr, path string, d time.Duration) (wait func() error) {
	done := make(chan error, 1)
	go func() {
		url := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, int(d.Seconds()))
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			done <- err
			return
		}
		resp, err := (&http.Client{Timeout: d + 30*time.Second}).Do(req)
		if err != nil {
			done <- err
			return
		}
		defer resp.Body.Close()
		f, err := os.Create(path)
		if err != nil {
			done <- err
			return
		}
		_, err = io.Copy(f, resp.Body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	return func() error { return <-done }
}
