package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
)

// The machine is shared, and other programs' work lowers what the chain
// commits. A measurement says how much of the machine others used while it
// ran (all CPU time minus the nodes' and the bench's own), and a run says
// whether the raw verification rate, measured again after the chains, still
// matches the one measured before them.

// Bounds past which a measurement or a run counts as disturbed.
const (
	maxOtherCores = 0.15 // other programs' average CPU use during a measurement, in cores
	maxRawDrift   = 0.05 // raw one-core rate after the chains against before
)

// machineBusy is the CPU time all processes have used since boot (user,
// nice, system, irq, softirq and steal of /proc/stat; clock ticks of 10 ms).
func machineBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0
	}
	var ticks int64
	for _, i := range []int{1, 2, 3, 6, 7, 8} {
		v, _ := strconv.ParseInt(f[i], 10, 64)
		ticks += v
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// cpuMeter measures, over an interval, the CPU used by others than the nodes
// and the bench.
type cpuMeter struct {
	start             time.Time
	busy, nodes, self time.Duration
	net               *benchNet
}

func startCPUMeter(bn *benchNet) cpuMeter {
	return cpuMeter{start: time.Now(), busy: machineBusy(), nodes: bn.cpuTime(), self: selfCPU(), net: bn}
}

// stop returns the nodes' CPU time since start and the others' average use
// in cores.
func (m cpuMeter) stop() (time.Duration, float64) {
	nodes := m.net.cpuTime() - m.nodes
	others := (machineBusy() - m.busy) - nodes - (selfCPU() - m.self)
	return nodes, otherCores(others, time.Since(m.start))
}

// otherCores is others' CPU time over wall in cores, never below zero (the
// counters tick at different moments).
func otherCores(others, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	return max(0, others.Seconds()/wall.Seconds())
}

// rawDrift is how far the raw one-core rate after the chains is from the
// one before, as a fraction of before (0 when either is missing).
func rawDrift(before, after float64) float64 {
	if before <= 0 || after <= 0 {
		return 0
	}
	return math.Abs(after/before - 1)
}

// disturbance lists what disturbed a run: measurements during which others
// used more than maxOtherCores, a raw rate that drifted more than
// maxRawDrift. Empty when nothing did.
func disturbance(others []float64, rawBefore, rawAfter float64) []string {
	var out []string
	for i, o := range others {
		if o > maxOtherCores {
			out = append(out, fmt.Sprintf("other programs used %.2f cores during repetition %d (more than %.2f)", o, i+1, maxOtherCores))
		}
	}
	if d := rawDrift(rawBefore, rawAfter); d > maxRawDrift {
		out = append(out, fmt.Sprintf("the raw one-core rate moved %.0f%% between before and after the chains (%.0f/s, %.0f/s; more than %.0f%%)",
			d*100, rawBefore, rawAfter, maxRawDrift*100))
	}
	return out
}
