package keeper_test

import (
	"os"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
)

// BenchmarkVersionReadMNISTCNN measures GetModelVersion of a version of the
// bundled MNIST CNN (a 62 KB artifact): the read each result makes three
// times on a node (CheckTx, ProcessProposal, FinalizeBlock). gas/op is what
// it charges a transaction. BENCHMARKS.md, "Model artifacts off the result
// path (issue 17, session 8)".
func BenchmarkVersionReadMNISTCNN(b *testing.B) {
	f := newFixture(b)
	art, err := os.ReadFile("../../../zk/models/mnist-cnn/artifact.json")
	require.NoError(b, err)
	a, err := artifact.Parse(art)
	require.NoError(b, err)
	msg := f.irisRegistration()
	msg.Name, msg.Artifact, msg.ArtifactHash = "mnist-cnn", art, sha(art)
	msg.InputSchema = types.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max}
	msg.OutputLength = uint32(a.Output.Length)
	res, err := f.msgs.RegisterModel(f.ctx, msg)
	require.NoError(b, err)

	var gas uint64
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		ctx := f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		if _, err := f.k.GetModelVersion(ctx, res.Id, 1); err != nil {
			b.Fatal(err)
		}
		gas = ctx.GasMeter().GasConsumed()
	}
	b.ReportMetric(float64(gas), "gas/op")
}
