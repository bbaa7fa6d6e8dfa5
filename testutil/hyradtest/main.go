// Package hyradtest is the scaffolding shared by the suites that drive the real hyrad binary
// (tests/e2e, tests/faults): one TestMain body that builds the binary once, and the helpers
// both suites need to read a process's output and to lay out a worker's proving keys.
package hyradtest

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// hyradPackage is built by import path, so the build works from any test directory of the
// module.
const hyradPackage = "github.com/hyra-network/hyra/cmd/hyrad"

// Main is the body of a suite's TestMain: `os.Exit(hyradtest.Main(m, "fault tests", &hyrad))`.
// Under -short it runs nothing (the suite starts nodes, which takes minutes). Otherwise it
// stores in *binary the hyrad to test, $HYRAD when set (a binary built once for several
// suites), else one it builds from this checkout into a temporary directory removed after the
// tests; then it runs the tests and returns their exit code.
func Main(m *testing.M, suite string, binary *string) int {
	flag.Parse()
	if testing.Short() {
		fmt.Printf("skipping %s in -short mode\n", suite)
		return 0
	}
	if *binary = os.Getenv("HYRAD"); *binary != "" {
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "hyrad-test-bin")
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer os.RemoveAll(dir)
	*binary = filepath.Join(dir, "hyrad")
	build := exec.Command("go", "build", "-o", *binary, hyradPackage)
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Println("building hyrad:", err)
		return 1
	}
	return m.Run()
}
