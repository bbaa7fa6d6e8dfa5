package cmd

import (
	"runtime/debug"

	"github.com/cosmos/cosmos-sdk/version"
)

// devVersion is the version of a binary built without the Makefile's
// ldflags (a plain `go build`) and without VCS information from Go.
const devVersion = "v0.0.0-dev"

// fillVersion completes what `hyrad version` prints for a binary built
// without the Makefile's ldflags (which set name, version from git describe
// and commit): the names are hyra's, and the version and commit come from
// what Go stamped into the binary, else devVersion.
func fillVersion() {
	if version.Name == "" {
		version.Name = "hyra"
	}
	if version.AppName == "" || version.AppName == "<appd>" { // the SDK's placeholder
		version.AppName = "hyrad"
	}
	info, ok := debug.ReadBuildInfo()
	if version.Version == "" {
		version.Version = devVersion
		if ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
			version.Version = info.Main.Version
		}
	}
	if version.Commit == "" && ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				version.Commit = s.Value
			}
		}
	}
}
