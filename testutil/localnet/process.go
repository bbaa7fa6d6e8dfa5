package localnet

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Start starts `hyrad start` for the node in a session of its own, so that
// signals to the caller's terminal do not reach it and a process-group
// signal reaches everything it runs; its output is appended to LogFile and
// its pid written to PIDFile. The process outlives the caller unless stopped.
func (n *Node) Start() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if pid, alive := n.pidAlive(); alive {
		return fmt.Errorf("%s is already running (pid %d)", n.Name, pid)
	}
	if err := checkPortsFree(n.Ports); err != nil {
		return fmt.Errorf("%s: %w", n.Name, err)
	}
	logf, err := os.OpenFile(n.LogFile(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(n.binary, "start", "--home", n.Home, "--log_no_color")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		_ = logf.Close()
		return fmt.Errorf("start %s: %w", n.Name, err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		_ = logf.Close()
		close(done)
	}()
	n.cmd, n.done = cmd, done
	return os.WriteFile(n.PIDFile(), []byte(strconv.Itoa(cmd.Process.Pid)), 0o644)
}

// Running reports whether the node's process is alive.
func (n *Node) Running() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, alive := n.pidAlive()
	return alive
}

// Exited is closed when a process this program started exits (nil if it
// did not start one).
func (n *Node) Exited() <-chan struct{} {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.done
}

// Stop sends SIGTERM to the node's process group and waits for the node to
// exit; after grace it kills the group.
func (n *Node) Stop(grace time.Duration) error {
	return n.signalAndWait(syscall.SIGTERM, grace)
}

// Kill sends SIGKILL to the node's process group, as a crash or an
// out-of-memory kill would, and waits for it to go.
func (n *Node) Kill() error {
	return n.signalAndWait(syscall.SIGKILL, 10*time.Second)
}

func (n *Node) signalAndWait(sig syscall.Signal, grace time.Duration) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	pid, alive := n.pidAlive()
	if !alive {
		_ = os.Remove(n.PIDFile())
		return nil
	}
	// Setsid made the node a group leader: -pid is its process group.
	if err := syscall.Kill(-pid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("signal %s: %w", n.Name, err)
	}
	if !n.waitExit(pid, grace) {
		_ = syscall.Kill(-pid, syscall.SIGKILL)
		if !n.waitExit(pid, 10*time.Second) {
			return fmt.Errorf("%s (pid %d) did not exit", n.Name, pid)
		}
	}
	_ = os.Remove(n.PIDFile())
	return nil
}

// waitExit waits up to d for the process to end: through Wait when this
// program started it, else by watching /proc (a node started by an earlier
// `make localnet` is init's child, which reaps it).
func (n *Node) waitExit(pid int, d time.Duration) bool {
	if n.cmd != nil && n.cmd.Process.Pid == pid {
		select {
		case <-n.done:
			return true
		case <-time.After(d):
			return false
		}
	}
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if !processAlive(pid) {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// pidAlive returns the node's pid and whether that process is alive and is
// this node's hyrad (a stale pid file may name a reused pid).
func (n *Node) pidAlive() (int, bool) {
	if n.cmd != nil {
		select {
		case <-n.done:
		default:
			return n.cmd.Process.Pid, true
		}
	}
	b, err := os.ReadFile(n.PIDFile())
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || !processAlive(pid) {
		return 0, false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || !bytes.Contains(cmdline, []byte(n.Home)) {
		return 0, false
	}
	return pid, true
}

// processAlive reports whether pid is a live (not zombie) process.
func processAlive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the command name in parentheses: "pid (comm) S ...".
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}
