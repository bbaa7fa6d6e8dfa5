package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/hyra-network/hyra/client"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// fatalError is a problem that retrying cannot fix (the account cannot afford
// its bond, the client is configured for another chain): the worker stops
// with it instead of retrying forever.
type fatalError struct{ err error }

func (e fatalError) Error() string { return e.err.Error() }
func (e fatalError) Unwrap() error { return e.err }

func isFatal(err error) bool {
	var f fatalError
	return errors.As(err, &f)
}

// ensureRegistered registers the account as a worker, or reactivates it.
func (w *Worker) ensureRegistered(ctx context.Context) error {
	rec, found, err := w.chain.worker(ctx, w.addr.String())
	if err != nil {
		return err
	}
	if found && rec.Active {
		w.log.Info("worker registered", "worker", w.addr.String(), "completed", rec.TotalTasks, "earned", coinsString(rec.TotalRewards))
		return nil
	}
	res, err := w.sender.Send(ctx, &tptypes.MsgRegisterWorker{Worker: w.addr.String()})
	if err != nil {
		if client.IsRejected(err) {
			return fatalError{fmt.Errorf("register worker: %w", err)}
		}
		return fmt.Errorf("register worker: %w", err)
	}
	w.log.Info("registered as worker", "worker", w.addr.String(), "reactivated", found, "tx", res.Hash, "height", res.Height)
	return nil
}

// ensureBond bonds what is missing to reach min_worker_bond (or the
// configured amount if larger), after checking the account can pay it.
func (w *Worker) ensureBond(ctx context.Context) error {
	params, err := w.chain.rewards.Params(ctx, &rewardstypes.QueryParamsRequest{})
	if err != nil {
		return fmt.Errorf("query rewards params: %w", err)
	}
	minBond := params.Params.MinWorkerBond
	bonded := sdk.NewInt64Coin(minBond.Denom, 0)
	bondRes, err := w.chain.rewards.Bond(ctx, &rewardstypes.QueryBondRequest{Worker: w.addr.String()})
	switch {
	case err != nil:
		return fmt.Errorf("query bond: %w", err)
	case !bondRes.Bond.Bonded.IsNil():
		bonded = bondRes.Bond.Bonded
	}
	if bonded.Denom == minBond.Denom && bonded.Amount.GTE(minBond.Amount) {
		if !w.bondOK { // said once, not every round
			w.log.Info("bond sufficient", "bonded", bonded.String(), "min_worker_bond", minBond.String())
		}
		w.bondOK = true
		return nil
	}
	w.bondOK = false
	amount, err := bondAmount(minBond, bonded, w.cfg.Bond)
	if err != nil {
		return fatalError{err}
	}
	bal, err := w.chain.bank.Balance(ctx, &banktypes.QueryBalanceRequest{Address: w.addr.String(), Denom: amount.Denom})
	if err != nil {
		return fmt.Errorf("query balance: %w", err)
	}
	if bal.Balance == nil || bal.Balance.Amount.LT(amount.Amount) {
		have := sdk.NewInt64Coin(amount.Denom, 0)
		if bal.Balance != nil {
			have = *bal.Balance
		}
		return fatalError{fmt.Errorf("account %s cannot afford its bond: it has %s, bonding %s is needed "+
			"(min_worker_bond %s, bonded %s); fund the account or lower --bond", w.addr, have, amount, minBond, bonded)}
	}
	start := time.Now()
	res, err := w.sender.Send(ctx, &rewardstypes.MsgBond{Worker: w.addr.String(), Amount: amount})
	if err != nil {
		if client.IsRejected(err) {
			return fatalError{fmt.Errorf("bond %s: %w", amount, err)}
		}
		return fmt.Errorf("bond %s: %w", amount, err)
	}
	w.log.Info("bonded", "amount", amount.String(), "was", bonded.String(), "min_worker_bond", minBond.String(), "tx", res.Hash,
		"height", res.Height, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// bondAmount is what to bond: the shortfall below minBond, or want if that is
// larger. want must be in the bond denom.
func bondAmount(minBond, bonded, want sdk.Coin) (sdk.Coin, error) {
	missing := minBond
	if bonded.Denom == minBond.Denom {
		missing = minBond.Sub(bonded)
	}
	if want.IsNil() || want.IsZero() {
		return missing, nil
	}
	if want.Denom != minBond.Denom {
		return sdk.Coin{}, fmt.Errorf("--bond %s: bonds are in %s", want, minBond.Denom)
	}
	if want.Amount.LT(missing.Amount) {
		return sdk.Coin{}, fmt.Errorf("--bond %s is not enough: %s more is needed to reach min_worker_bond %s", want, missing, minBond)
	}
	return want, nil
}

// coinsString prints coins, and "0" for none.
func coinsString(c sdk.Coins) string {
	if c.IsZero() {
		return "0"
	}
	return c.String()
}
