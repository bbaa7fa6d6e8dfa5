// Package faults_test breaks a 4-validator localnet (package
// testutil/localnet) while clients route inference tasks and worker daemons
// prove them, and checks that the chain and the market come through: blocks
// keep coming or stop cleanly, no node forks, restarted nodes catch up to the
// same app hash, no task is stuck and no coin is created or lost.
//
// `go test ./...` runs the fast part (one validator killed, export/import);
// HYRA_FAULTS=all (set by `make test-e2e`) adds the long scenarios. Every
// process a test starts is killed, by process group, when it ends.
package faults_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// hyrad is the binary under test, built once by TestMain (or given by $HYRAD).
var hyrad string

func TestMain(m *testing.M) {
	os.Exit(hyradtest.Main(m, "fault tests", &hyrad))
}

// keepLogs writes a process's whole log to $HYRA_FAULTS_LOGS/<test>-<name>.log
// when that variable is set, so a failure can be studied beyond the tail
// the test prints (the test's temporary directory is removed).
func keepLogs(t *testing.T, name string, log []byte) {
	t.Helper()
	dir := os.Getenv("HYRA_FAULTS_LOGS")
	if dir == "" {
		return
	}
	path := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+"-"+name+".log")
	if err := os.MkdirAll(dir, 0o755); err == nil && os.WriteFile(path, log, 0o644) == nil {
		t.Logf("%s log written to %s", name, path)
	}
}

// longScenario skips a test unless the whole fault suite was asked for: the
// long scenarios take minutes each on two cores, too long for `make test`.
func longScenario(t *testing.T) {
	t.Helper()
	if os.Getenv("HYRA_FAULTS") != "all" {
		t.Skip("long fault scenario: set HYRA_FAULTS=all (make test-e2e) to run it")
	}
}
