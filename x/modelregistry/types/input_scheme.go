package types

import "github.com/hyra-network/hyra/zk/commit"

// InputScheme is how task inputs of this version are committed to (the proof's input public
// input): fixed at registration from the artifact, read by x/taskpool when a task is submitted
// so that it never parses the artifact per task.
func (v ModelVersion) InputScheme() commit.InputScheme {
	return commit.InputScheme{LaneBits: v.InputLaneBits, Min: v.InputSchema.MinValue}
}
