package faults_test

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stretchr/testify/require"
)

// task is a task as `hyrad query taskpool tasks` prints it.
type task struct {
	ID          uint64    `json:"id,string"`
	PoolID      uint64    `json:"pool_id,string"`
	ModelID     uint64    `json:"model_id,string"`
	Creator     string    `json:"creator"`
	Reward      coin      `json:"reward"`
	Deadline    time.Time `json:"deadline"`
	Status      string    `json:"status"`
	Worker      string    `json:"worker"`
	ClaimExpiry time.Time `json:"claim_expiry"`
	CompletedAt time.Time `json:"completed_at"`
}

type coin struct {
	Denom  string `json:"denom"`
	Amount string `json:"amount"`
}

// Task statuses as the JSON names them.
const (
	statusOpen      = "TASK_STATUS_OPEN"
	statusClaimed   = "TASK_STATUS_CLAIMED"
	statusCompleted = "TASK_STATUS_COMPLETED"
	statusExpired   = "TASK_STATUS_EXPIRED"
	statusCancelled = "TASK_STATUS_CANCELLED"
)

func (t task) holdsEscrow() bool {
	return t.Status == statusOpen || t.Status == statusClaimed || t.Status == "TASK_STATUS_REFUND_PENDING"
}

// tasksAt lists every task in the state after block h, from node i.
func (m *market) tasksAt(i int, h int64) []task {
	m.t.Helper()
	var res struct {
		Tasks      []task `json:"tasks"`
		Pagination struct {
			NextKey string `json:"next_key"`
		} `json:"pagination"`
	}
	m.queryAt(i, h, &res, "taskpool", "tasks", "--page-limit", "100000")
	require.Empty(m.t, res.Pagination.NextKey, "all tasks fit in one page")
	return res.Tasks
}

// task reads one task at node 0's latest height.
func (m *market) task(id string) task {
	m.t.Helper()
	var res struct {
		Task task `json:"task"`
	}
	m.query(0, &res, "taskpool", "task", id)
	return res.Task
}

// height is node i's latest committed height.
func (m *market) height(i int) int64 {
	m.t.Helper()
	st, err := m.node(i).Status(m.ctx)
	require.NoError(m.t, err)
	return st.Height
}

// snapshot is what the ledger checks compare against: the supply and the
// clients' balances at a height before any task was routed.
type snapshot struct {
	height   int64
	supply   int64
	balances map[string]int64
}

// snapshot reads the supply and the clients' balances at height h from node 0.
func (m *market) snapshot(h int64) snapshot {
	m.t.Helper()
	s := snapshot{height: h, balances: map[string]int64{}}
	s.supply = m.supplyAt(0, s.height)
	for _, c := range []string{"client1", "client2"} {
		s.balances[c] = m.balanceAt(0, s.height, m.addr(c))
	}
	return s
}

func (m *market) supplyAt(i int, h int64) int64 {
	m.t.Helper()
	var res struct {
		Amount coin `json:"amount"`
	}
	m.queryAt(i, h, &res, "bank", "total-supply-of", "uhyra")
	return amount(m, res.Amount.Amount)
}

func (m *market) balanceAt(i int, h int64, addr string) int64 {
	m.t.Helper()
	var res struct {
		Balance coin `json:"balance"`
	}
	m.queryAt(i, h, &res, "bank", "balance", addr, "uhyra")
	return amount(m, res.Balance.Amount)
}

// moduleAddress is the address of a module account.
func (m *market) moduleAddress(i int, name string) string {
	m.t.Helper()
	var res struct {
		Account struct {
			Value struct {
				Address string `json:"address"`
			} `json:"value"`
		} `json:"account"`
	}
	m.query(i, &res, "auth", "module-account", name)
	return res.Account.Value.Address
}

// waitSettled waits until no task is OPEN or CLAIMED. Every such task has a
// deadline past which the chain expires it, so this happens by the latest
// deadline at worst; it returns the tasks and the height they were read at.
func (m *market) waitSettled(i int, timeout time.Duration) ([]task, int64) {
	m.t.Helper()
	var ts []task
	var h int64
	m.eventually(timeout, "every task to be completed, expired or cancelled", func() bool {
		h = m.height(i)
		ts = m.tasksAt(i, h)
		for _, t := range ts {
			if t.holdsEscrow() {
				return false
			}
		}
		return true
	})
	return ts, h
}

// checkEscrow checks that, in the state after block h, the x/taskpool
// module account holds exactly the rewards of the OPEN and CLAIMED tasks
// (the invariant of DESIGN.md), and returns that amount.
func (m *market) checkEscrow(i int, h int64) int64 {
	m.t.Helper()
	var want int64
	for _, t := range m.tasksAt(i, h) {
		if t.holdsEscrow() {
			want += amount(m, t.Reward.Amount)
		}
	}
	have := m.balanceAt(i, h, m.moduleAddress(i, "taskpool"))
	require.Equal(m.t, want, have, "escrow account at height %d", h)
	return have
}

// checkClients checks that each client paid exactly the rewards of its
// completed tasks since the snapshot (fees are zero on the localnet): the
// escrow of every expired or cancelled task came back, none was lost.
func (m *market) checkClients(from snapshot, toHeight int64, tasks []task) {
	m.t.Helper()
	for name, before := range from.balances {
		var paid int64
		for _, t := range tasks {
			if t.Creator == m.addr(name) && t.Status == statusCompleted {
				paid += amount(m, t.Reward.Amount)
			}
		}
		after := m.balanceAt(0, toHeight, m.addr(name))
		require.Equal(m.t, before-paid, after, "%s balance: before %d, paid %d for completed tasks", name, before, paid)
	}
}

// checkLoads checks that every task a client was told it routed is on chain
// with that client as creator, and returns how many of its tasks (of the
// served model: the idle ones are routed separately) landed although the
// client was told the call failed (e.g. the node went away before it could
// confirm).
func (m *market) checkLoads(tasks []task, loads ...*load) (unconfirmed int) {
	m.t.Helper()
	byID := map[uint64]task{}
	for _, t := range tasks {
		byID[t.ID] = t
	}
	for _, l := range loads {
		l.mu.Lock()
		ids := append([]uint64(nil), l.ids...)
		l.mu.Unlock()
		for _, id := range ids {
			t, ok := byID[id]
			require.True(m.t, ok, "task %d routed by %s is not on chain", id, l.account)
			require.Equal(m.t, m.addr(l.account), t.Creator)
		}
		var onChain int
		for _, t := range tasks {
			if t.Creator == m.addr(l.account) && fmt.Sprint(t.ModelID) == servedModel {
				onChain++
			}
		}
		require.GreaterOrEqual(m.t, onChain, len(ids))
		unconfirmed += onChain - len(ids)
	}
	return unconfirmed
}

// countStatus counts tasks by status.
func countStatus(tasks []task) map[string]int {
	c := map[string]int{}
	for _, t := range tasks {
		c[strings.TrimPrefix(t.Status, "TASK_STATUS_")]++
	}
	return c
}

func amount(m *market, s string) int64 {
	m.t.Helper()
	if s == "" {
		return 0
	}
	v, err := strconv.ParseInt(s, 10, 64)
	require.NoError(m.t, err)
	return v
}

// String makes a snapshot readable in logs.
func (s snapshot) String() string {
	return fmt.Sprintf("height %d, supply %d", s.height, s.supply)
}
