package artifact_test

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

func TestV2ParseEncodeRoundTrip(t *testing.T) {
	a, err := artifact.Parse([]byte(testmodel.JSONV2))
	require.NoError(t, err)
	require.Equal(t, artifact.FormatV2, a.Format)
	require.Equal(t, 16, a.Input.Length)
	require.Equal(t, artifact.Shape{2}, a.Ops[len(a.Ops)-1].OutShape)
	enc, err := artifact.Encode(a)
	require.NoError(t, err)
	b, err := artifact.Parse(enc)
	require.NoError(t, err)
	require.Equal(t, a, b)
	again, err := artifact.Encode(b)
	require.NoError(t, err)
	require.Equal(t, enc, again)
	require.Equal(t, len(a.Ops)+8, strings.Count(string(enc), "\n"), "one op per line:\n%s", enc)

	cnn, doc := testmodel.MNISTCNN(1)
	enc, err = artifact.Encode(cnn)
	require.NoError(t, err)
	require.Equal(t, doc, enc)
}

// TestV2InferByHand checks padding, stride, floor of negative products and dense by hand.
// Input 3x3 = 1..9, padded by one row on top and one column on the left:
//
//	0 0 0 0
//	0 1 2 3      kernel [1 -1]   stride 2, bias -10: windows give 0, 4, -4, 15
//	0 4 5 6             [2  0]   -> (-10, -6, -14, 5)
//	0 7 8 9
//
// requant 3/4: floor(-30/4, -18/4, -42/4, 15/4) = (-8, -5, -11, 3);
// dense [1 1 1 1; 1 -1 0 2] + (0, 1) = (-21, 4).
func TestV2InferByHand(t *testing.T) {
	a, _ := testmodel.V2("hand", artifact.Shape{1, 3, 3}, 0, 9,
		artifact.Op{
			Kind: artifact.OpConv2D, OutChannels: 1, Kernel: [2]int{2, 2}, Stride: [2]int{2, 2},
			Pads: [4]int{1, 1, 0, 0}, Weights: []int64{1, -1, 2, 0}, Biases: []int64{-10},
		},
		testmodel.Requant(3, 2),
		artifact.Op{Kind: artifact.OpDense, Out: 2, Weights: []int64{1, 1, 1, 1, 1, -1, 0, 2}, Biases: []int64{0, 1}})
	out, err := a.Infer([]int64{1, 2, 3, 4, 5, 6, 7, 8, 9})
	require.NoError(t, err)
	require.Equal(t, []int64{-21, 4}, out)

	pools, _ := testmodel.V2("pools", artifact.Shape{1, 3, 3}, -9, 9, testmodel.Pool(artifact.OpMaxPool, 2, 1))
	out, err = pools.Infer([]int64{1, -2, 3, -4, 5, -6, 7, -8, 9})
	require.NoError(t, err)
	require.Equal(t, []int64{5, 5, 7, 9}, out)
	sums, _ := testmodel.V2("sums", artifact.Shape{1, 3, 3}, -9, 9, testmodel.Pool(artifact.OpSumPool, 2, 1), testmodel.Op(artifact.OpReLU))
	out, err = sums.Infer([]int64{1, -2, 3, -4, 5, -6, 7, -8, 9})
	require.NoError(t, err)
	require.Equal(t, []int64{0, 0, 0, 0}, out) // sums 0, 0, 0, 0
	out, err = sums.Infer([]int64{1, 2, 3, 4, 5, 6, 7, 8, 9})
	require.NoError(t, err)
	require.Equal(t, []int64{12, 16, 24, 28}, out)
}

// TestV2BoundsContainEveryOutput checks the range analysis against inference on random and
// extreme inputs.
func TestV2BoundsContainEveryOutput(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, a := range []*artifact.Artifact{testmodel.Artifact(), mustV2(t, testmodel.JSONV2)} {
		if a.Format != artifact.FormatV2 {
			continue
		}
		last := a.Bounds(len(a.Ops))
		for n := 0; n < 200; n++ {
			in := testmodel.RandomInput(rng, a.Input.Length, a.Input.Min, a.Input.Max)
			if n < 2 {
				for i := range in {
					in[i] = []int64{a.Input.Min, a.Input.Max}[n]
				}
			}
			out, err := a.Infer(in)
			require.NoError(t, err)
			for j, v := range out {
				require.True(t, last[j].Lo <= v && v <= last[j].Hi, "output %d = %d outside %v", j, v, last[j])
			}
		}
	}
}

func TestV2InferRejectsBadInput(t *testing.T) {
	a := mustV2(t, testmodel.JSONV2)
	_, err := a.Infer(make([]int64, 15))
	require.ErrorIs(t, err, artifact.ErrInvalid)
	in := make([]int64, 16)
	in[3] = 6
	_, err = a.Infer(in)
	require.ErrorIs(t, err, artifact.ErrInvalid)
}

func TestV2ParseErrors(t *testing.T) {
	conv := `{"op": "conv2d", "out_channels": 2, "kernel": [3, 3], "stride": [1, 1], "pads": [1, 1, 1, 1],`
	cases := map[string]struct{ old, new, msg string }{
		"unknown field":         {`"op": "relu"`, `"op": "relu", "x": 1`, `op 2: relu: json: unknown field "x"`},
		"field of another kind": {`"op": "relu"`, `"op": "relu", "shift": 1`, `unknown field "shift"`},
		"unknown op":            {`"op": "relu"`, `"op": "softmax"`, `op 2: unknown op "softmax"`},
		"unknown top field":     {`"name": "small-cnn"`, `"name": "small-cnn", "layers": []`, `unknown field "layers"`},
		"v1 input":              {`"shape": [1, 4, 4]`, `"length": 16`, `unknown field "length"`},
		"trailing data":         {"\n}", "\n} {}", "trailing"},
		"bad name":              {`"small-cnn"`, `"small cnn"`, "name"},
		"2-d input":             {`[1, 4, 4]`, `[4, 4]`, "input shape"},
		"zero dim":              {`[1, 4, 4]`, `[1, 0, 4]`, "input shape"},
		"input too long":        {`[1, 4, 4]`, `[1, 40, 40]`, "max 1024"},
		"empty range":           {`"min": -3, "max": 5`, `"min": 6, "max": 5`, "input range"},
		"kernel entries":        {`"kernel": [3, 3]`, `"kernel": [3]`, "op 0: conv2d: kernel has 1 entries"},
		"pads entries":          {`"pads": [1, 1, 1, 1]`, `"pads": [1, 1]`, "pads has 2 entries"},
		"negative pad":          {`"pads": [1, 1, 1, 1]`, `"pads": [1, -1, 1, 1]`, "op 0 (conv2d): pads"},
		"kernel too big":        {`"kernel": [3, 3]`, `"kernel": [7, 3]`, "op 0 (conv2d): kernel [7 3] larger"},
		"stride zero":           {`"stride": [2, 2]`, `"stride": [0, 2]`, "op 3 (maxpool): kernel [2 2] and stride [0 2]"},
		"weight count":          {`1, -4], "biases"`, `1], "biases"`, "op 0 (conv2d): 17 weights"},
		"weight magnitude":      {`[1, -2, 3, 0,`, `[1, -2, 16777217, 0,`, "op 0 (conv2d): weight 2 = 16777217 exceeds 2^24"},
		"bias magnitude":        {`"biases": [0, 7]`, `"biases": [0, 281474976710657]`, "op 6 (dense): bias 1"},
		"float weight":          {`[1, -2, 3, 0,`, `[1, -2, 3.5, 0,`, "op 0: conv2d: json: cannot unmarshal"},
		"multiplier zero":       {`"multiplier": 3`, `"multiplier": 0`, "op 1 (requant): multiplier 0"},
		"multiplier too big":    {`"multiplier": 3`, `"multiplier": 2147483648`, "op 1 (requant): multiplier"},
		"shift too big":         {`"shift": 2`, `"shift": 63`, "op 1: requant: shift 63 outside [0, 62]"},
		"pool on a vector":      {`{"op": "flatten"},`, `{"op": "flatten"}, {"op": "maxpool", "kernel": [1, 1], "stride": [1, 1]},`, "op 6 (maxpool): needs a [C, H, W] input"},
		"conv on a vector":      {`{"op": "flatten"},`, `{"op": "flatten"}, ` + conv + `"weights": [], "biases": []},`, "op 6 (conv2d): needs a [C, H, W] input"},
		"dense weights":         {`[1, -1, 2, 3]`, `[1, -1, 2]`, "op 6 (dense): 3 weights"},
		"output length":         {`"output": {"length": 2`, `"output": {"length": 3`, "output length 3"},
		"labels":                {`["a", "b"]`, `["a"]`, "labels"},
		"output too wide":       {`"biases": [0, 7]`, `"biases": [0, 2147483647]`, "outside the 32-bit range"},
		"accumulator overflow":  {`"biases": [1, -2]}`, `"biases": [1, -2]}, {"op": "requant", "multiplier": 2147483647, "shift": 0}, {"op": "requant", "multiplier": 2147483647, "shift": 0}`, "op 2 (requant): element 0: x * multiplier may exceed 2^62"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			require.Contains(t, testmodel.JSONV2, c.old)
			_, err := artifact.Parse([]byte(strings.Replace(testmodel.JSONV2, c.old, c.new, 1)))
			require.ErrorIs(t, err, artifact.ErrInvalid)
			require.ErrorContains(t, err, c.msg)
		})
	}
}

func TestV2ParseCaps(t *testing.T) {
	relus := strings.Repeat(`{"op": "relu"}, `, artifact.MaxOps)
	_, err := artifact.Parse([]byte(strings.Replace(testmodel.JSONV2, `"ops": [`, `"ops": [`+relus, 1)))
	require.ErrorContains(t, err, "ops, want 1 to 64")

	// A 1x1 conv to 1024 channels on 4x4 gives 16,384 elements (the cap); padding by one more
	// makes it 1024x6x6.
	big := func(pad int) string {
		w := strings.TrimSuffix(strings.Repeat("1, ", 1024), ", ")
		return `{"format":"hyra-qnn/v2","name":"big","input":{"shape":[1,4,4],"min":0,"max":1},"ops":[` +
			`{"op":"conv2d","out_channels":1024,"kernel":[1,1],"stride":[1,1],"pads":[` + strings.Repeat(string(rune('0'+pad))+",", 3) + string(rune('0'+pad)) +
			`],"weights":[` + w + `],"biases":[` + strings.TrimSuffix(strings.Repeat("0, ", 1024), ", ") + `]},` +
			`{"op":"sumpool","kernel":[4,4],"stride":[4,4]},{"op":"flatten"}],"output":{"length":1024}}`
	}
	_, err = artifact.Parse([]byte(big(0)))
	require.NoError(t, err)
	_, err = artifact.Parse([]byte(big(1)))
	require.ErrorContains(t, err, "op 0 (conv2d): output shape [1024 6 6] has 36864 elements, max 16384")

	_, err = artifact.Parse([]byte(`{"format":"hyra-qnn/v2","name":"x","input":{"shape":[1],"min":0,"max":1},"ops":[],"output":{"length":1}}`))
	require.ErrorContains(t, err, "no ops")
}

func mustV2(t *testing.T, doc string) *artifact.Artifact {
	t.Helper()
	a, err := artifact.Parse([]byte(doc))
	require.NoError(t, err)
	return a
}
