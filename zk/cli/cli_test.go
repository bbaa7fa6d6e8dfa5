package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/cli"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/vector"
)

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := cli.NewZKCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

// TestSetupInferProveVerify runs the commands on the tiny model and on its private-capable copy
// (whose proofs from "prove" are public tasks', blinding 0).
func TestSetupInferProveVerify(t *testing.T) {
	a := testmodel.Artifact()
	a.Private = true
	private, err := artifact.Encode(a)
	require.NoError(t, err)
	for name, doc := range map[string][]byte{"public": []byte(testmodel.JSON), "private": private} {
		t.Run(name, func(t *testing.T) { setupInferProveVerify(t, doc) })
	}
}

func setupInferProveVerify(t *testing.T, doc []byte) {
	t.Helper()
	dir := t.TempDir()
	art := filepath.Join(dir, "artifact.json")
	require.NoError(t, os.WriteFile(art, doc, 0o644))

	out, err := run(t, "setup", "--artifact", art, "--out", dir)
	require.NoError(t, err, out)
	require.Contains(t, out, "WARNING: this is a single-party Groth16 setup")
	require.Contains(t, out, "verifying key hash:")

	out, err = run(t, "infer", "--artifact", art, "--input", "-4,7,3")
	require.NoError(t, err, out)
	require.Contains(t, out, "output: 30,8")
	require.Contains(t, out, "argmax: 0 (a)")

	worker, err := bech32.ConvertAndEncode("hyra", bytes.Repeat([]byte{7}, 20))
	require.NoError(t, err)
	proof := filepath.Join(dir, "proof.bin")
	bind := []string{"--chain-id", "hyra-test-1", "--task-id", "9", "--worker", worker}
	out, err = run(t, append([]string{
		"prove", "--artifact", art, "--pk", filepath.Join(dir, "proving.key"),
		"--vk", filepath.Join(dir, "verifying.key"), "--input", "-4,7,3", "--out", proof,
	}, bind...)...)
	require.NoError(t, err, out)
	require.Contains(t, out, "output: 30,8")

	verify := append([]string{"verify", "--artifact", art, "--vk", filepath.Join(dir, "verifying.key"), "--proof", proof, "--input", "-4,7,3"}, bind...)
	out, err = run(t, append(verify, "--output", "30,8")...)
	require.NoError(t, err, out)
	require.Contains(t, out, "proof OK")

	_, err = run(t, append(verify, "--output", "30,9")...)
	require.ErrorContains(t, err, "invalid proof")

	hexWorker := []string{"--chain-id", "hyra-test-1", "--task-id", "9", "--worker", "0x0707070707070707070707070707070707070707"}
	out, err = run(t, append([]string{"verify", "--artifact", art, "--vk", filepath.Join(dir, "verifying.key"), "--proof", proof, "--input", "-4,7,3", "--output", "30,8"}, hexWorker...)...)
	require.NoError(t, err, out)
}

func TestInferErrors(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "artifact.json")
	require.NoError(t, os.WriteFile(art, []byte(testmodel.JSON), 0o644))
	_, err := run(t, "infer", "--artifact", art, "--input", "1,2")
	require.ErrorContains(t, err, "input has 2 values")
	_, err = run(t, "infer", "--artifact", art, "--input", "1,x,2")
	require.ErrorContains(t, err, "element 2")
	_, err = run(t, "infer", "--artifact", art)
	require.ErrorContains(t, err, "--input or --input-file is required")
}

// TestV2Artifact runs the same commands on a hyra-qnn/v2 CNN.
func TestV2Artifact(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "artifact.json")
	require.NoError(t, os.WriteFile(art, []byte(testmodel.JSONV2), 0o644))
	a, err := artifact.Parse([]byte(testmodel.JSONV2))
	require.NoError(t, err)
	in := "-3,5,0,1,2,-1,4,4,-2,3,0,0,5,-3,1,2"
	v, err := vector.Parse(in)
	require.NoError(t, err)
	want, err := a.Infer(v)
	require.NoError(t, err)
	outStr := fmt.Sprintf("%d,%d", want[0], want[1])

	out, err := run(t, "setup", "--artifact", art, "--out", dir)
	require.NoError(t, err, out)
	out, err = run(t, "infer", "--artifact", art, "--input", in)
	require.NoError(t, err, out)
	require.Contains(t, out, "output: "+outStr)

	bind := []string{"--chain-id", "hyra-test-1", "--task-id", "3", "--worker", "0x0707070707070707070707070707070707070707"}
	proof := filepath.Join(dir, "proof.bin")
	out, err = run(t, append([]string{
		"prove", "--artifact", art, "--pk", filepath.Join(dir, "proving.key"),
		"--vk", filepath.Join(dir, "verifying.key"), "--input", in, "--out", proof,
	}, bind...)...)
	require.NoError(t, err, out)
	out, err = run(t, append([]string{"verify", "--artifact", art, "--vk", filepath.Join(dir, "verifying.key"), "--proof", proof, "--input", in, "--output", outStr}, bind...)...)
	require.NoError(t, err, out)
	require.Contains(t, out, "proof OK")
}
