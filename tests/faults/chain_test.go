package faults_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/localnet"
)

// checkNoFork reads the headers of blocks 1..upTo (as far as each has them)
// from the given nodes and requires that they agree on every height's block
// hash and app hash: a fork would show as two hashes for one height. It
// returns the number of heights compared.
func (m *market) checkNoFork(nodes []int, upTo int64) int64 {
	m.t.Helper()
	ref := map[int64]localnet.Header{}
	for _, i := range nodes {
		have := min(upTo, m.height(i))
		headers, err := m.node(i).Headers(m.ctx, 1, have)
		require.NoError(m.t, err)
		require.Len(m.t, headers, int(have), "%s has every block up to %d", m.node(i).Name, have)
		for _, h := range headers {
			if r, ok := ref[h.Height]; ok {
				require.Equal(m.t, r.Hash, h.Hash, "block hash at height %d: %s disagrees", h.Height, m.node(i).Name)
				require.Equal(m.t, r.AppHash, h.AppHash, "app hash in header %d: %s disagrees", h.Height, m.node(i).Name)
			} else {
				ref[h.Height] = h
			}
		}
	}
	return int64(len(ref))
}

// maxHeight is the highest height among the nodes (those that answer).
func (m *market) maxHeight(nodes []int) int64 {
	var hs int64
	for _, i := range nodes {
		if st, err := m.node(i).Status(m.ctx); err == nil {
			hs = max(hs, st.Height)
		}
	}
	return hs
}

// waitBlocks waits until every listed node is n blocks past the highest of
// their heights now, and returns the heights and how long it took.
func (m *market) waitBlocks(nodes []int, n int64, timeout time.Duration) (from, to int64, took time.Duration) {
	m.t.Helper()
	start := time.Now()
	from = m.maxHeight(nodes)
	to = from + n
	for _, i := range nodes {
		m.eventually(timeout, fmt.Sprintf("%s to reach height %d", m.node(i).Name, to), func() bool {
			st, err := m.node(i).Status(m.ctx)
			return err == nil && st.Height >= to
		})
	}
	return from, to, time.Since(start)
}

// waitCaughtUp waits until node i has reached height target and says it is
// no longer catching up.
func (m *market) waitCaughtUp(i int, target int64, timeout time.Duration) {
	m.t.Helper()
	m.eventually(timeout, fmt.Sprintf("%s to catch up to height %d", m.node(i).Name, target), func() bool {
		st, err := m.node(i).Status(m.ctx)
		return err == nil && st.Height >= target && !st.CatchingUp
	})
}

// checkAppHash compares the app hash node i reports through /abci_info for
// its last height h with the app hash every other node put in the header of
// block h+1 (which commits to the state after h), and returns h.
func (m *market) checkAppHash(i int, others []int) int64 {
	m.t.Helper()
	h, hash, err := m.node(i).ABCIInfo(m.ctx)
	require.NoError(m.t, err)
	for _, j := range others {
		m.eventually(time.Minute, fmt.Sprintf("%s to reach height %d", m.node(j).Name, h+1), func() bool {
			st, err := m.node(j).Status(m.ctx)
			return err == nil && st.Height >= h+1
		})
		headers, err := m.node(j).Headers(m.ctx, h+1, h+1)
		require.NoError(m.t, err)
		require.Len(m.t, headers, 1)
		require.Equal(m.t, hash, headers[0].AppHash, "app hash after height %d: %s (abci_info) vs %s (header %d)",
			h, m.node(i).Name, m.node(j).Name, h+1)
	}
	return h
}

// waitSigning waits until node i's validator signs a block again, as seen
// in the commits node j serves: the restarted validator is back in
// consensus, not just following it.
func (m *market) waitSigning(i, j int, timeout time.Duration) int64 {
	m.t.Helper()
	st, err := m.node(i).Status(m.ctx)
	require.NoError(m.t, err)
	var signed int64
	m.eventually(timeout, m.node(i).Name+" to sign a block again", func() bool {
		h := m.height(j)
		signers, err := m.node(j).Signers(m.ctx, h)
		if err == nil && slices.Contains(signers, st.ValidatorAddress) {
			signed = h
			return true
		}
		return false
	})
	return signed
}
