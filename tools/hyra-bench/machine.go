package main

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// machine is what the figures were measured on. Other programs share the
// machine, so the load average before and after is part of every figure.
type machine struct {
	CPU        string
	Cores      int
	MemTotal   string
	LoadBefore string
	LoadAfter  string
	GoVersion  string
}

func describeMachine() machine {
	return machine{
		CPU:        cpuModel(),
		Cores:      runtime.NumCPU(),
		MemTotal:   procField("/proc/meminfo", "MemTotal"),
		LoadBefore: loadAverage(),
		GoVersion:  runtime.Version(),
	}
}

// cpuModel is the "model name" of /proc/cpuinfo.
func cpuModel() string {
	if v := procField("/proc/cpuinfo", "model name"); v != "" {
		return v
	}
	return runtime.GOARCH
}

// loadAverage is the 1, 5 and 15 minute load averages of /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close() //nolint:errcheck // read only: nothing is lost if Close fails
	s := bufio.NewScanner(f)
	for s.Scan() {
		k, v, ok := strings.Cut(s.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// peakRSS is this process's peak resident memory (VmHWM) in bytes.
func peakRSS() uint64 { return processPeakRSS("self") }

// processPeakRSS is the peak resident memory (VmHWM) of process pid in bytes.
func processPeakRSS(pid string) uint64 { return processMemory(pid, "VmHWM") }

// processRSS is the resident memory (VmRSS) of process pid in bytes.
func processRSS(pid string) uint64 { return processMemory(pid, "VmRSS") }

// processMemory reads a kB field of /proc/PID/status in bytes.
func processMemory(pid, field string) uint64 {
	v := strings.Fields(procField("/proc/"+pid+"/status", field))
	if len(v) == 0 {
		return 0
	}
	kb, _ := strconv.ParseUint(v[0], 10, 64)
	return kb * 1024
}
