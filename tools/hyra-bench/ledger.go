package main

import (
	"context"
	"crypto/sha256"
	"fmt"
)

// itemKind is what a load's transactions carry, and so which pool counter
// their successes move.
type itemKind int

const (
	itemResults itemKind = iota // MsgSubmitResult: Completed
	itemClaims                  // MsgClaimTask: Claimed
)

// counted is the counter that kind's successes move.
func (k itemKind) counted(c poolCounts) int64 {
	if k == itemClaims {
		return int64(c.Claimed) //nolint:gosec // G115: task counts, far below the type limits
	}
	return int64(c.Completed) //nolint:gosec // G115: task counts, far below the type limits
}

// ids are the task ids of kind's items that block b committed (from its
// transactions' events).
func (k itemKind) ids(b blockTasks) []uint64 {
	if k == itemClaims {
		return b.Claimed
	}
	return b.Completed
}

// committedBlock is a block that holds transactions of a load.
type committedBlock struct {
	height int64
	items  []uint64 // task ids of the items it committed
}

// loadLedger is what a load's blocks committed.
type loadLedger struct {
	blocks   []committedBlock
	included []int // the load's transactions in the blocks (indexes into txs), in block order
	failed   int   // transactions of the load that failed in a block
	failLogs []string
	gas      int64 // gas used by the transactions of gasItems items
	gasItems int
	gasFrom  string // which results gas comes from
	readAll  bool   // every block's results were read
}

// readLedger learns what the blocks from..to committed of txs at little cost
// to the node: which of txs each block holds from its transaction hashes
// (/block), and whether all of them succeeded from the pool's counter,
// which must have moved by exactly their items since before. Where it did
// not (a transaction failed in a block), or with readAll, it reads every
// such block's results and counts what their events say, failures
// included; otherwise it reads the results of a few transactions only, for
// the gas per item (sampleGas).
func readLedger(ctx context.Context, n *rpcClient, txs []loadTx, kind itemKind, before poolCounts, from, to int64, readAll bool) (loadLedger, error) {
	var l loadLedger
	byHash := make(map[[32]byte]int, len(txs))
	for i, tx := range txs {
		byHash[sha256.Sum256(tx.bytes)] = i
	}
	metas, err := n.blockMetas(ctx, from, to)
	if err != nil {
		return l, err
	}
	included := 0
	for _, m := range metas {
		if m.NumTxs == 0 {
			continue
		}
		hashes, err := n.blockTxHashes(ctx, m.Height)
		if err != nil {
			return l, err
		}
		b := committedBlock{height: m.Height}
		for _, h := range hashes {
			if i, ok := byHash[h]; ok {
				b.items = append(b.items, txs[i].tasks...)
				l.included = append(l.included, i)
			}
		}
		if len(b.items) > 0 {
			l.blocks = append(l.blocks, b)
			included += len(b.items)
		}
	}
	after, err := n.poolCounts(ctx)
	if err != nil {
		return l, err
	}
	moved := kind.counted(after) - kind.counted(before)
	if readAll || moved != int64(included) {
		return l, l.readResults(ctx, n, kind, moved)
	}
	return l, l.sampleGas(ctx, n, txs, kind)
}

// readResults replaces each block's items with those its results' events
// say succeeded, and counts the failed transactions; the pool's counter
// must agree with the events.
func (l *loadLedger) readResults(ctx context.Context, n *rpcClient, kind itemKind, moved int64) error {
	l.readAll, l.gasFrom = true, "every block"
	total := 0
	for i := range l.blocks {
		b, err := n.blockTasks(ctx, l.blocks[i].height)
		if err != nil {
			return err
		}
		l.blocks[i].items = kind.ids(b)
		l.failed += b.Failed
		l.failLogs = append(l.failLogs, b.FailLogs...)
		l.gas += b.GasUsed
		total += len(l.blocks[i].items)
	}
	l.gasItems = total
	if int64(total) != moved {
		return fmt.Errorf("the pool's counter moved by %d, the blocks' events show %d items committed", moved, total)
	}
	return nil
}

// gasSampleTxs is how many transactions' results sampleGas reads.
const gasSampleTxs = 3

// sampleGas reads the results of the first, middle and last of the load's
// transactions by hash (/tx): their gas per item, and a check that each
// committed all its items. Where the node indexes no transactions it reads
// the results of the block holding the fewest items instead.
func (l *loadLedger) sampleGas(ctx context.Context, n *rpcClient, txs []loadTx, kind itemKind) error {
	if len(l.included) == 0 {
		return nil
	}
	l.gasFrom = fmt.Sprintf("%d transactions' results", gasSampleTxs)
	for k := range gasSampleTxs {
		tx := txs[l.included[k*(len(l.included)-1)/(gasSampleTxs-1)]]
		hash := sha256.Sum256(tx.bytes)
		b, err := n.txTasks(ctx, hash)
		if err != nil {
			return l.sampleBlockGas(ctx, n, kind)
		}
		if got := kind.ids(b); b.Failed > 0 || len(got) != len(tx.tasks) {
			return fmt.Errorf("transaction %X: it carries %d items of the load, its result shows %d committed %v", hash, len(tx.tasks), len(got), b.FailLogs)
		}
		l.gas += b.GasUsed
		l.gasItems += len(tx.tasks)
	}
	return nil
}

// sampleBlockGas reads the results of the block holding the fewest items:
// the gas per item, and a check that they hold exactly the items /block
// showed.
func (l *loadLedger) sampleBlockGas(ctx context.Context, n *rpcClient, kind itemKind) error {
	small := l.blocks[0]
	for _, b := range l.blocks[1:] {
		if len(b.items) < len(small.items) {
			small = b
		}
	}
	b, err := n.blockTasks(ctx, small.height)
	if err != nil {
		return err
	}
	if got := kind.ids(b); b.Failed > 0 || len(got) != len(small.items) {
		return fmt.Errorf("block %d: its transactions carry %d items of the load, its results show %d committed and %d failed transactions %v",
			small.height, len(small.items), len(got), b.Failed, b.FailLogs)
	}
	l.gas, l.gasItems, l.gasFrom = b.GasUsed, len(small.items), "the smallest block's results"
	return nil
}
