package client

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	"github.com/spf13/pflag"
	"google.golang.org/grpc/status"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// Sender signs and broadcasts the transactions of one account, one at a time,
// and waits for each to be committed. It keeps the account sequence itself,
// so that a long-running program does not query it before every transaction,
// and reloads it from the chain when the node says it is wrong or when the
// fate of a transaction is unknown (the node went away mid-broadcast). With
// --unordered it sends unordered transactions instead, several at a time
// (see unordered.go).
type Sender struct {
	cctx sdkclient.Context
	txf  tx.Factory

	// CommitTimeout bounds the wait for a broadcast transaction to be
	// committed; PollInterval is how often the wait asks the node.
	CommitTimeout time.Duration
	PollInterval  time.Duration

	mu       sync.Mutex
	seqKnown bool

	timeouts txTimeouts // with --timeout-duration, and --unordered (see unordered.go)
}

// NewSender returns a sender for the --from account of cctx, signing with
// txf (see FactoryFromFlags).
func NewSender(cctx sdkclient.Context, txf tx.Factory) *Sender {
	s := &Sender{cctx: cctx, txf: txf, CommitTimeout: time.Minute, PollInterval: 250 * time.Millisecond}
	if !txf.TimeoutTimestamp().IsZero() {
		s.timeouts.ttl = timeoutDuration(cctx, txf)
	}
	return s
}

// FactoryFromFlags is tx.NewFactoryCLI (--fees, --gas-prices, --gas,
// --gas-adjustment, --note, --unordered --timeout-duration ... apply) with one
// default changed for a program:
// unless --gas names a fixed limit, every transaction is simulated first,
// which sizes its gas and turns most failures into an error before anything
// is broadcast.
func FactoryFromFlags(cctx sdkclient.Context, fs *pflag.FlagSet) (tx.Factory, error) {
	if err := checkUnorderedFlags(fs); err != nil {
		return tx.Factory{}, err
	}
	txf, err := tx.NewFactoryCLI(cctx, fs)
	if err != nil {
		return txf, err
	}
	if !fs.Changed(flags.FlagGas) {
		txf = txf.WithSimulateAndExecute(true)
	}
	if txf.GasAdjustment() < 1 {
		return txf, fmt.Errorf("--%s %v: simulated gas needs a margin of at least 1", flags.FlagGasAdjustment, txf.GasAdjustment())
	}
	return txf, nil
}

// Address is the signing account.
func (s *Sender) Address() sdk.AccAddress { return s.cctx.GetFromAddress() }

// ClientContext is the context the sender signs with.
func (s *Sender) ClientContext() sdkclient.Context { return s.cctx }

// Send signs msgs into one transaction, broadcasts it, and waits until it is
// committed. A transaction the chain refuses (in simulation, CheckTx or
// execution) returns a *RejectedError; anything else is a failure to reach
// the node, after which the sequence is reloaded before the next send.
func (s *Sender) Send(ctx context.Context, msgs ...sdk.Msg) (*TxResult, error) {
	if s.txf.Unordered() {
		return s.sendUnordered(ctx, msgs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for attempt := 0; ; attempt++ {
		res, err := s.sendOnce(ctx, msgs)
		if err == nil {
			return res, nil
		}
		if !isWrongSequence(err) {
			return nil, err
		}
		if attempt > 0 {
			// Not a refusal of the transaction itself: one of this account's
			// transactions is still pending. Retry later.
			s.seqKnown = false
			return nil, fmt.Errorf("account sequence (a transaction of this account may still be pending): %w", err)
		}
		// Someone else (another process with the same key) used our sequence:
		// reload it and try once more.
		s.seqKnown = false
	}
}

func (s *Sender) sendOnce(ctx context.Context, msgs []sdk.Msg) (*TxResult, error) {
	if err := s.loadSequence(); err != nil {
		return nil, err
	}
	txf := s.txf
	if s.timeouts.ttl > 0 { // counted from each transaction, not from the program's start
		txf = txf.WithTimeoutTimestamp(time.Now().Add(s.timeouts.ttl))
	}
	txBytes, res, took, err := s.broadcast(ctx, txf, msgs)
	if err != nil {
		// The transaction may or may not have reached the mempool.
		s.seqKnown = false
		return nil, err
	}
	if res.Code != 0 {
		if res.Codespace == sdkerrors.RootCodespace && res.Code == sdkerrors.ErrWrongSequence.ABCICode() {
			s.seqKnown = false
		}
		return nil, checkRejection(res)
	}
	s.txf = s.txf.WithSequence(txf.Sequence() + 1)
	checked := time.Now()
	out, err := s.waitCommit(ctx, res.Hash, txBytes)
	if err != nil {
		s.seqKnown = false
		return nil, err
	}
	return executed(out, took, checked)
}

// broadcast simulates (unless txf has a fixed gas), signs and broadcasts
// msgs with txf, and returns the transaction, the node's answer to it
// (CheckTx) and how long the broadcast took. An error after signing leaves
// it unknown whether the transaction reached the mempool.
func (s *Sender) broadcast(ctx context.Context, txf tx.Factory, msgs []sdk.Msg) ([]byte, *coretypes.ResultBroadcastTx, time.Duration, error) {
	if txf.SimulateAndExecute() {
		_, gas, err := tx.CalculateGas(s.cctx, txf, msgs...)
		if err != nil {
			return nil, nil, 0, simulationError(err)
		}
		txf = txf.WithGas(gas)
	}
	builder, err := txf.BuildUnsignedTx(msgs...)
	if err != nil {
		return nil, nil, 0, err
	}
	if err := tx.Sign(ctx, txf, s.cctx.FromName, builder, true); err != nil {
		return nil, nil, 0, fmt.Errorf("sign: %w", err)
	}
	txBytes, err := s.cctx.TxConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return nil, nil, 0, err
	}
	node, err := s.cctx.GetNode()
	if err != nil {
		return nil, nil, 0, err
	}
	start := time.Now()
	res, err := node.BroadcastTxSync(ctx, txBytes)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("broadcast: %w", err)
	}
	return txBytes, res, time.Since(start), nil
}

// executed is the result of a committed transaction, broadcast in took and
// accepted at checked; a *RejectedError if it failed.
func executed(out *TxResult, took time.Duration, checked time.Time) (*TxResult, error) {
	out.Broadcast = took
	out.Commit = time.Since(checked)
	if out.Code != 0 {
		return out, &RejectedError{Stage: "execution", Codespace: out.Codespace, Code: out.Code, Log: out.Log, Hash: out.Hash}
	}
	return out, nil
}

// loadSequence reads the account number and sequence from the chain unless
// the sender already knows them.
func (s *Sender) loadSequence() error {
	if s.seqKnown {
		return nil
	}
	// GetAccount, not GetAccountNumberSequence: the latter answers 0, 0 for
	// an account the node does not know (e.g. while it restarts), and a
	// transaction signed with those fails its signature check.
	acc, err := s.cctx.AccountRetriever.GetAccount(s.cctx, s.cctx.GetFromAddress())
	if err != nil {
		return fmt.Errorf("account %s: %w", s.cctx.GetFromAddress(), err)
	}
	s.txf = s.txf.WithAccountNumber(acc.GetAccountNumber()).WithSequence(acc.GetSequence())
	s.seqKnown = true
	return nil
}

// checkRejection is the *RejectedError of a transaction CheckTx refused.
func checkRejection(res *coretypes.ResultBroadcastTx) error {
	return &RejectedError{Stage: "check", Codespace: res.Codespace, Code: res.Code, Log: res.Log, Hash: res.Hash.String()}
}

// simulationError turns a refused simulation into a *RejectedError; the node
// answers it as a gRPC status, while a failure to reach the node is not one.
func simulationError(err error) error {
	st, ok := status.FromError(err)
	if !ok {
		return fmt.Errorf("simulate: %w", err)
	}
	return &RejectedError{Stage: "simulation", Log: st.Message()}
}

// isWrongSequence reports whether the chain refused a transaction for its
// account sequence.
func isWrongSequence(err error) bool {
	var rej *RejectedError
	if !errors.As(err, &rej) {
		return false
	}
	if rej.Codespace == sdkerrors.RootCodespace && rej.Code == sdkerrors.ErrWrongSequence.ABCICode() {
		return true
	}
	return strings.Contains(rej.Log, "account sequence mismatch")
}
