package client

import (
	"context"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkclient "github.com/cosmos/cosmos-sdk/client"

	"github.com/hyra-network/hyra/client/imageinput"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
)

// ImageInput reads an image file (PNG or PGM) as the input of a model's
// current version: the shape and value range come from the artifact
// registered on chain, so the vector is the one the model's proof is about.
func ImageInput(ctx context.Context, cctx sdkclient.Context, modelID uint64, path string) ([]int64, error) {
	res, err := modeltypes.NewQueryClient(cctx).Model(ctx, &modeltypes.QueryModelRequest{Id: modelID})
	if status.Code(err) == codes.NotFound {
		return nil, fmt.Errorf("model %d is not registered", modelID)
	}
	if err != nil {
		return nil, fmt.Errorf("query model %d: %w", modelID, err)
	}
	a, err := artifact.Parse(res.CurrentVersion.Artifact)
	if err != nil {
		return nil, fmt.Errorf("model %d artifact: %w", modelID, err)
	}
	img, err := imageinput.Read(path)
	if err != nil {
		return nil, err
	}
	v, err := imageinput.Input(img, a.Input)
	if err != nil {
		return nil, fmt.Errorf("model %d (%s) cannot take %s as an image: %w", modelID, res.Model.Name, path, err)
	}
	return v, nil
}
