package client

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// unreachableAfter is how long waiting for a commit tolerates a node that
// does not answer at all.
const unreachableAfter = 5 * time.Second

// rebroadcastAfter is how long a broadcast transaction may stay unknown to
// the node before it is sent again.
const rebroadcastAfter = 3 * time.Second

// waitCommit polls the node until the transaction is in a block, for at most
// CommitTimeout, or until the node has not answered for unreachableAfter:
// the caller then learns at once that the node is gone, and finds out from
// the chain's state, once the node is back, whether the transaction landed.
// A transaction still unknown after rebroadcastAfter is broadcast again, the
// same bytes: a restarted node has lost its mempool, and a node that still
// holds the transaction ignores the copy. A node that checks the copy and
// refuses it gives the transaction's definite answer, returned as a
// *RejectedError, unless the refusal is only that its sequence (or unordered
// timeout) is used (it may have just been committed) or the node finds it
// committed after all.
func (s *Sender) waitCommit(ctx context.Context, hash, txBytes []byte) (*TxResult, error) {
	return s.waitCommitFor(ctx, hash, txBytes, s.CommitTimeout)
}

// waitCommitFor is waitCommit for at most within instead of CommitTimeout.
func (s *Sender) waitCommitFor(ctx context.Context, hash, txBytes []byte, within time.Duration) (*TxResult, error) {
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	ticker := time.NewTicker(s.PollInterval)
	defer ticker.Stop()
	var lastErr error
	var unreachableSince time.Time
	lastSent := time.Now()
	for {
		node, err := s.cctx.GetNode()
		if err != nil {
			return nil, err
		}
		res, err := node.Tx(ctx, hash, false)
		if err == nil {
			return newTxResult(res), nil
		}
		lastErr = err
		switch {
		case strings.Contains(err.Error(), "not found"):
			unreachableSince = time.Time{}
			if time.Since(lastSent) > rebroadcastAfter {
				again, err := node.BroadcastTxSync(ctx, txBytes)
				lastSent = time.Now()
				if err == nil && again.Code != 0 && !isUsedUp(checkRejection(again)) {
					if res, err := node.Tx(ctx, hash, false); err == nil {
						return newTxResult(res), nil
					}
					return nil, checkRejection(again)
				}
			}
		case unreachableSince.IsZero():
			unreachableSince = time.Now()
		case time.Since(unreachableSince) > unreachableAfter:
			return nil, fmt.Errorf("node unreachable while waiting for transaction %X: %w", hash, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("transaction %X not committed within %s (last answer: %w)", hash, within, lastErr)
		case <-ticker.C:
		}
	}
}
