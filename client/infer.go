package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
)

// InferRequest is a user's request for one inference.
type InferRequest struct {
	ModelID uint64
	Input   []int64
	// Reward is escrowed for the worker; nil means the model's price.
	Reward *sdk.Coin
	// TTL is how long the task may stay unfinished before it expires and the
	// reward is refunded.
	TTL time.Duration
	// Key, when set, makes the task private (see Secret): the input goes to
	// the chain only as a hiding commitment and sealed to this key, the
	// client's own. The default reward is then the model's private price.
	Key *private.KeyPair
}

// Submitted is a task the router accepted.
type Submitted struct {
	TaskID      uint64
	PoolID      uint64
	PoolCreated bool
	Model       modeltypes.Model
	Version     modeltypes.ModelVersion
	Reward      sdk.Coin
	Tx          *TxResult
	// Deadline is when the task expires unfinished and is refunded.
	Deadline time.Time
	// SentAt is when the transaction was broadcast: latencies count from it.
	SentAt time.Time
	// Secret is a private task's input and blinding; nil for a public task.
	Secret *Secret
}

// Submit checks a request against the model as the chain holds it (known,
// active, input schema, price) and the signer's balance, so that a mistake is
// reported before any transaction, then routes the task with MsgRouteTask.
func Submit(ctx context.Context, s *Sender, req InferRequest) (*Submitted, error) {
	cctx := s.ClientContext()
	res, err := modeltypes.NewQueryClient(cctx).Model(ctx, &modeltypes.QueryModelRequest{Id: req.ModelID})
	if status.Code(err) == codes.NotFound {
		return nil, fmt.Errorf("model %d is not registered", req.ModelID)
	}
	if err != nil {
		return nil, fmt.Errorf("query model %d: %w", req.ModelID, err)
	}
	model := res.Model
	if !model.Active {
		return nil, fmt.Errorf("model %d (%s) is not active: it takes no new tasks", model.Id, model.Name)
	}
	if err := CheckInput(req.Input, res.CurrentVersion.InputSchema); err != nil {
		return nil, fmt.Errorf("model %d (%s): %w", model.Id, model.Name, err)
	}
	price, priceName := model.Price, "price"
	if req.Key != nil {
		if err := acceptsPrivate(model, res.CurrentVersion); err != nil {
			return nil, err
		}
		price, priceName = model.PrivatePrice, "private price"
	}
	reward := price
	if req.Reward != nil {
		reward = *req.Reward
	}
	if reward.Denom != price.Denom || reward.Amount.LT(price.Amount) {
		return nil, fmt.Errorf("reward %s is below the %s of model %d (%s): %s", reward, priceName, model.Id, model.Name, price)
	}
	if req.TTL <= 0 {
		return nil, errors.New("the task's time to live must be positive")
	}
	if err := checkBalance(ctx, s, reward); err != nil {
		return nil, err
	}

	msg := &routertypes.MsgRouteTask{
		Creator:  s.Address().String(),
		ModelId:  model.Id,
		Reward:   reward,
		Deadline: time.Now().Add(req.TTL).UTC(),
	}
	var secret *Secret
	if req.Key != nil {
		if secret, err = sealRequest(msg, req, cctx.ChainID, res.CurrentVersion); err != nil {
			return nil, err
		}
	} else {
		msg.Input, msg.InputEncoding = tptypes.EncodeCompact(req.Input)
	}
	sent := time.Now()
	txRes, err := s.Send(ctx, msg)
	if err != nil {
		return nil, fmt.Errorf("route task: %w", err)
	}
	var resp routertypes.MsgRouteTaskResponse
	if err := txRes.MsgResponse(0, &resp); err != nil {
		return nil, err
	}
	return &Submitted{
		TaskID:      resp.TaskId,
		PoolID:      resp.PoolId,
		PoolCreated: resp.PoolCreated,
		Model:       model,
		Version:     res.CurrentVersion,
		Reward:      reward,
		Tx:          txRes,
		Deadline:    msg.Deadline,
		SentAt:      sent,
		Secret:      secret,
	}, nil
}

// checkBalance refuses a reward the signer cannot pay, with the numbers.
func checkBalance(ctx context.Context, s *Sender, reward sdk.Coin) error {
	bal, err := banktypes.NewQueryClient(s.ClientContext()).Balance(ctx,
		&banktypes.QueryBalanceRequest{Address: s.Address().String(), Denom: reward.Denom})
	if err != nil {
		return fmt.Errorf("query balance: %w", err)
	}
	if bal.Balance == nil || bal.Balance.Amount.LT(reward.Amount) {
		have := sdk.NewInt64Coin(reward.Denom, 0)
		if bal.Balance != nil {
			have = *bal.Balance
		}
		return fmt.Errorf("account %s has %s, not enough to escrow a reward of %s", s.Address(), have, reward)
	}
	return nil
}

// acceptsPrivate refuses a private task the chain would refuse: the model's
// current version must be private-capable and its owner must have set a
// private price.
func acceptsPrivate(model modeltypes.Model, version modeltypes.ModelVersion) error {
	if !version.Private {
		return fmt.Errorf("model %d (%s) v%d takes no private tasks: its artifact is not private-capable", model.Id, model.Name, version.Version)
	}
	if model.PrivatePrice.IsNil() || !model.PrivatePrice.IsPositive() {
		return fmt.Errorf("model %d (%s) takes no private tasks: its owner has set no private price", model.Id, model.Name)
	}
	return nil
}

// sealRequest makes msg a private task: a fresh blinding, the hiding
// commitment to the input, and the input sealed to the client's own key.
func sealRequest(msg *routertypes.MsgRouteTask, req InferRequest, chainID string, version modeltypes.ModelVersion) (*Secret, error) {
	secret, err := NewSecret(req.Input)
	if err != nil {
		return nil, err
	}
	commitment, self, err := secret.Seal(req.Key, chainID, msg.Creator, version)
	if err != nil {
		return nil, err
	}
	msg.Private, msg.InputCommitment, msg.SelfCiphertext = true, commitment, self
	return &secret, nil
}
