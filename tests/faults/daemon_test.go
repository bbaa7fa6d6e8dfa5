package faults_test

import (
	"bytes"
	"os/exec"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// Lines of the worker's log the tests act on.
var (
	reReady     = regexp.MustCompile(`msg=(bonded|"bond sufficient")`)
	reClaimed   = regexp.MustCompile(`msg=claimed task=(\d+)`)
	reCompleted = regexp.MustCompile(`msg=completed task=(\d+)`)
	reRejected  = regexp.MustCompile(`msg="result rejected`)
	reRefused   = regexp.MustCompile(`msg="claim refused".*`)
	reBonded    = regexp.MustCompile(`msg=bonded`)
)

// daemon is a `hyrad worker start` process that can be killed and started
// again with the same arguments; its log accumulates across restarts.
type daemon struct {
	t    *testing.T
	name string
	args []string
	log  *logWatch

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

// startWorker starts the worker daemon of a client-home account against
// node i; extra adds flags (--models, --pools). Its --min-window is below
// the market's 15 s claim timeout (the daemon's default, 30 s, would take
// no task there).
func (m *market) startWorker(account string, i int, extra ...string) *daemon {
	m.t.Helper()
	args := append([]string{
		"worker", "start", "--from", account, "--keys-dir", m.keysDir, "--poll-interval", "1s", "--min-window", "10s",
		"--home", m.net.ClientHome, "--node", m.node(i).RPCAddr(), "--chain-id", m.net.ChainID,
	}, extra...)
	return startDaemon(m.t, account, args)
}

func startDaemon(t *testing.T, name string, args []string) *daemon {
	t.Helper()
	d := &daemon{t: t, name: name, args: args, log: &logWatch{}}
	t.Cleanup(func() {
		d.kill()
		if t.Failed() {
			t.Logf("%s log (tail):\n%s", d.name, hyradtest.Tail(d.log.String(), 4000))
			keepLogs(t, d.name, []byte(d.log.String()))
		}
	})
	d.start()
	return d
}

// start starts the process in its own process group, so that a kill takes
// everything it runs.
func (d *daemon) start() {
	d.t.Helper()
	d.mu.Lock()
	defer d.mu.Unlock()
	cmd := exec.Command(hyrad, d.args...)
	cmd.Stdout, cmd.Stderr = d.log, d.log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	require.NoError(d.t, cmd.Start())
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	d.cmd, d.done = cmd, done
}

// stop sends SIGINT, as Ctrl-C does (the daemon finishes the task in
// progress first), and waits for the daemon to exit.
func (d *daemon) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cmd == nil {
		return
	}
	_ = d.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-d.done:
	case <-time.After(90 * time.Second):
		_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
		<-d.done
	}
	d.cmd = nil
}

// kill sends SIGKILL to the process group, as a crash would, and waits.
func (d *daemon) kill() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cmd == nil {
		return
	}
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
	<-d.done
	d.cmd = nil
}

// killOnClaim arms a one-shot hook that SIGKILLs the daemon the moment it
// logs a claim, before it can prove and submit, and returns a channel that
// then receives the claimed task's id. The hook runs in the goroutine that
// copies the daemon's output, so no later step of the daemon can slip in
// between the log line and the kill (short of what it does within the same
// millisecond).
func (d *daemon) killOnClaim() <-chan string { return d.signalOnClaim(syscall.SIGKILL) }

// freezeOnClaim is killOnClaim with SIGSTOP: the daemon stops the moment it
// has claimed, holding the claim, as on a machine that hangs; thaw resumes
// it where it stopped.
func (d *daemon) freezeOnClaim() <-chan string { return d.signalOnClaim(syscall.SIGSTOP) }

func (d *daemon) signalOnClaim(sig syscall.Signal) <-chan string {
	d.mu.Lock()
	pid := d.cmd.Process.Pid
	d.mu.Unlock()
	ch := make(chan string, 1)
	d.log.once(reClaimed, func(m []string) {
		_ = syscall.Kill(-pid, sig)
		ch <- m[1]
	})
	return ch
}

// thaw resumes a frozen daemon (SIGCONT).
func (d *daemon) thaw() {
	d.mu.Lock()
	defer d.mu.Unlock()
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGCONT)
}

// waitLog waits until the daemon's log, from offset from (see logWatch.Len),
// has a line matching re.
func (d *daemon) waitLog(m *market, from int, re *regexp.Regexp, timeout time.Duration) {
	d.t.Helper()
	m.eventually(timeout, d.name+" logging "+re.String(), func() bool { return re.MatchString(d.log.String()[from:]) })
}

// logWatch collects a process's output and runs one-shot hooks on the
// lines that match them, as they are written.
type logWatch struct {
	mu      sync.Mutex
	all     bytes.Buffer
	partial []byte
	hooks   []logHook
}

type logHook struct {
	re *regexp.Regexp
	fn func([]string)
}

func (w *logWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.all.Write(p)
	w.partial = append(w.partial, p...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		line := string(w.partial[:i])
		w.partial = w.partial[i+1:]
		kept := w.hooks[:0]
		for _, h := range w.hooks {
			if m := h.re.FindStringSubmatch(line); m != nil {
				h.fn(m)
			} else {
				kept = append(kept, h)
			}
		}
		w.hooks = kept
	}
	return len(p), nil
}

// once runs fn (under the watch's lock) on the next line matching re.
func (w *logWatch) once(re *regexp.Regexp, fn func([]string)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.hooks = append(w.hooks, logHook{re: re, fn: fn})
}

// Len is the length of the log so far, to wait for lines written after it.
func (w *logWatch) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.all.Len()
}

func (w *logWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.all.String()
}
