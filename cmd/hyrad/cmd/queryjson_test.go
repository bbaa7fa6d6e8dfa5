package cmd

import (
	"encoding/json"
	"testing"

	"cosmossdk.io/x/tx/signing/aminojson"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/dynamicpb"

	modelregistrytypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	taskpooltypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TestQueryOutputJSONPrintsParams follows autocli's query path (client/v2 autocli: descriptors
// from gogoproto.MergedRegistry, responses decoded into dynamic messages, printed with the
// aminojson encoder) with every protobuf file the hyrad binary links (this package imports all
// of its commands, zk import included). A dependency that registers a file whose imports no
// registered file provides made MergedRegistry fail; autocli then resolved through the
// interface registry and `hyrad query taskpool params --output json` printed {"params": {}}.
func TestQueryOutputJSONPrintsParams(t *testing.T) {
	files, err := gogoproto.MergedRegistry()
	require.NoError(t, err, "autocli needs the merged registry of every linked proto file")

	for name, resp := range map[string]gogoproto.Message{
		"hyra.taskpool.v1.QueryParamsResponse":      &taskpooltypes.QueryParamsResponse{Params: taskpooltypes.DefaultParams()},
		"hyra.modelregistry.v1.QueryParamsResponse": &modelregistrytypes.QueryParamsResponse{Params: modelregistrytypes.DefaultParams()},
		"hyra.rewards.v1.QueryParamsResponse":       &rewardstypes.QueryParamsResponse{Params: rewardstypes.DefaultParams()},
	} {
		t.Run(name, func(t *testing.T) {
			desc, err := files.FindDescriptorByName(protoreflect.FullName(name))
			require.NoError(t, err)
			bz, err := gogoproto.Marshal(resp)
			require.NoError(t, err)
			msg := dynamicpb.NewMessage(desc.(protoreflect.MessageDescriptor))
			require.NoError(t, proto.Unmarshal(bz, msg))

			enc := aminojson.NewEncoder(aminojson.EncoderOptions{
				EnumAsString: true, DoNotSortFields: true, AminoNameAsTypeURL: true, MarshalMappings: true,
				TypeResolver: protoregistry.GlobalTypes, FileResolver: files,
			})
			out, err := enc.Marshal(msg)
			require.NoError(t, err)
			var printed struct {
				Params map[string]json.RawMessage `json:"params"`
			}
			require.NoError(t, json.Unmarshal(out, &printed), string(out))
			params := msg.Get(desc.(protoreflect.MessageDescriptor).Fields().ByName("params")).Message()
			require.Empty(t, params.GetUnknown(), "params decoded as unknown fields: %s", out)
			set := 0
			params.Range(func(protoreflect.FieldDescriptor, protoreflect.Value) bool { set++; return true })
			require.Positive(t, set, "the default params set fields")
			require.GreaterOrEqual(t, len(printed.Params), set, "every set params field printed: %s", out)
		})
	}
}
