package artifact_test

import (
	"errors"
	"testing"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
)

// FuzzParse (both formats): no panic, only ErrInvalid, and anything accepted can run inference on its extreme
// inputs without error and re-encodes to an equivalent artifact.
func FuzzParse(f *testing.F) {
	f.Add([]byte(testmodel.JSON))
	f.Add(models.IrisArtifact)
	f.Add([]byte(`{"format":"hyra-qnn/v1"}`))
	f.Add([]byte(`{"format":"hyra-qnn/v1","name":"x","input":{"length":1,"min":0,"max":1},"layers":[{"in":1,"out":1,"weights":[[1]],"biases":[0]}],"output":{"length":1}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(testmodel.JSONV2))
	f.Add([]byte(`{"format":"hyra-qnn/v2","name":"x","input":{"shape":[1,2,2],"min":-1,"max":1},"ops":[{"op":"conv2d","out_channels":1,"kernel":[2,2],"stride":[1,1],"pads":[1,0,0,1],"weights":[1,-1,2,0],"biases":[3]},{"op":"requant","multiplier":5,"shift":1},{"op":"maxpool","kernel":[1,2],"stride":[1,1]},{"op":"flatten"}],"output":{"length":2}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := artifact.Parse(b)
		if err != nil {
			if !errors.Is(err, artifact.ErrInvalid) {
				t.Fatalf("error without ErrInvalid: %v", err)
			}
			return
		}
		for _, v := range []int64{a.Input.Min, a.Input.Max} {
			in := make([]int64, a.Input.Length)
			for i := range in {
				in[i] = v
			}
			if _, err := a.Infer(in); err != nil {
				t.Fatalf("infer on a valid input: %v", err)
			}
		}
		enc, err := artifact.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := artifact.Parse(enc); err != nil {
			t.Fatalf("re-encoded artifact does not parse: %v", err)
		}
	})
}
