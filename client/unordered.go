package client

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
)

// With the SDK's --unordered and --timeout-duration flags, a Sender sends
// unordered transactions (ADR-070): no account sequence, a timeout instead,
// which the chain remembers per account until it passes and refuses to see
// twice. Transactions of one account then neither wait for each other nor
// collide on a sequence, whether they come from one program sending several
// at once or from several programs sharing a key; each is refused for good
// once its timeout (by block time) has passed without it in a block.

// MaxUnorderedTimeout is the longest timeout the chain accepts: its ante
// handler's, the SDK's default, counted from the block time.
const MaxUnorderedTimeout = ante.DefaultMaxTimeoutDuration

// txTimeouts are the timeouts a Sender gives its transactions with
// --timeout-duration: ttl after signing each (tx.NewFactoryCLI counts it once,
// from the program's start). Unordered ones are also each later than the
// last, so that no two of the sender's transactions share one (the chain
// would refuse the second).
type txTimeouts struct {
	ttl time.Duration

	mu            sync.Mutex
	last          time.Time
	accountNumber uint64
	numberKnown   bool
}

// timeoutDuration is the --timeout-duration the factory's timeout came from.
func timeoutDuration(cctx sdkclient.Context, txf tx.Factory) time.Duration {
	if cctx.Viper != nil {
		if d := cctx.Viper.GetDuration(flags.TimeoutDuration); d > 0 {
			return d
		}
	}
	return time.Until(txf.TimeoutTimestamp()).Round(time.Second)
}

// checkUnorderedFlags refuses an --unordered without a --timeout-duration
// the chain accepts.
func checkUnorderedFlags(fs *pflag.FlagSet) error {
	if on, _ := fs.GetBool(flags.FlagUnordered); !on {
		return nil
	}
	d, _ := fs.GetDuration(flags.TimeoutDuration)
	if d <= 0 || d > MaxUnorderedTimeout {
		return fmt.Errorf("--%s %s: an unordered transaction needs a timeout above 0 and at most %s (the chain's limit)",
			flags.TimeoutDuration, d, MaxUnorderedTimeout)
	}
	return nil
}

// nextUnordered returns a factory for the next unordered transaction: the account
// number (read from the chain once), sequence 0, and a timeout of its own.
func (s *Sender) nextUnordered() (tx.Factory, error) {
	u := &s.timeouts
	u.mu.Lock()
	defer u.mu.Unlock()
	if !u.numberKnown {
		acc, err := s.cctx.AccountRetriever.GetAccount(s.cctx, s.cctx.GetFromAddress())
		if err != nil {
			return tx.Factory{}, fmt.Errorf("account %s: %w", s.cctx.GetFromAddress(), err)
		}
		u.accountNumber, u.numberKnown = acc.GetAccountNumber(), true
	}
	timeout := time.Now().Add(u.ttl)
	if !timeout.After(u.last) {
		timeout = u.last.Add(time.Nanosecond)
	}
	u.last = timeout
	return s.txf.WithAccountNumber(u.accountNumber).WithSequence(0).WithTimeoutTimestamp(timeout), nil
}

// sendUnordered is Send for an unordered transaction: it holds no lock
// while the transaction is broadcast and committed, so that the sender's
// other transactions go out meanwhile.
func (s *Sender) sendUnordered(ctx context.Context, msgs []sdk.Msg) (*TxResult, error) {
	txf, err := s.nextUnordered()
	if err != nil {
		return nil, err
	}
	txBytes, res, took, err := s.broadcast(ctx, txf, msgs)
	if err != nil {
		return nil, err
	}
	if res.Code != 0 {
		return nil, checkRejection(res)
	}
	checked := time.Now()
	out, err := s.waitCommitFor(ctx, res.Hash, txBytes, s.unorderedWait(txf.TimeoutTimestamp()))
	if err != nil {
		return nil, err
	}
	return executed(out, took, checked)
}

// unorderedWait is how long to wait for an unordered transaction with
// timeout to be committed: until its timeout has passed it may still land,
// and a new transaction for the same messages would not replace it (they
// share no sequence), so at least that long.
func (s *Sender) unorderedWait(timeout time.Time) time.Duration {
	return max(s.CommitTimeout, time.Until(timeout)+unorderedMargin)
}

// unorderedMargin is how long after an unordered transaction's timeout a
// block may still be dated before it (block times trail the clock).
const unorderedMargin = 10 * time.Second

// isUsedUp reports whether the chain refused a transaction for what may only
// mean that it, or one with the same sequence or unordered timeout, was just
// committed.
func isUsedUp(err error) bool {
	if isWrongSequence(err) {
		return true
	}
	var rej *RejectedError
	return errors.As(err, &rej) && rej.Codespace == sdkerrors.RootCodespace &&
		rej.Code == sdkerrors.ErrInvalidRequest.ABCICode() && strings.Contains(rej.Log, "has already used timeout")
}
