package types

import (
	"errors"
	"fmt"

	"github.com/hyra-network/hyra/zk/verifier"
)

// DefaultGenesis returns the genesis state of a new chain: no pools, tasks or workers.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextPoolId: 1, NextTaskId: 1}
}

// Validate checks that the genesis state is consistent: unique ids below the
// sequences, tasks in known pools, pool counters that match the tasks, and
// claims that match the workers' active task lists.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextPoolId == 0 || gs.NextTaskId == 0 {
		return errors.New("next_pool_id and next_task_id must be positive")
	}
	if gs.OutageClock.Credit < 0 {
		return fmt.Errorf("outage_clock credit %s is negative", gs.OutageClock.Credit)
	}
	counts, err := gs.validatePools()
	if err != nil {
		return err
	}
	claims, err := gs.validateTasks(counts)
	if err != nil {
		return err
	}
	for _, p := range gs.Pools {
		if got := counts[p.Id]; got != [3]uint64{p.OpenTasks, p.ClaimedTasks, p.CompletedTasks} {
			return fmt.Errorf("pool %d counts open/claimed/completed %d/%d/%d, its tasks say %d/%d/%d",
				p.Id, p.OpenTasks, p.ClaimedTasks, p.CompletedTasks, got[0], got[1], got[2])
		}
	}
	return gs.validateWorkers(claims)
}

// validatePools checks the pools and returns a zeroed counter per pool id.
func (gs GenesisState) validatePools() (map[uint64][3]uint64, error) {
	counts := make(map[uint64][3]uint64, len(gs.Pools))
	for _, p := range gs.Pools {
		if p.Id == 0 || p.Id >= gs.NextPoolId {
			return nil, fmt.Errorf("pool id %d out of range [1, %d)", p.Id, gs.NextPoolId)
		}
		if _, dup := counts[p.Id]; dup {
			return nil, fmt.Errorf("duplicate pool id %d", p.Id)
		}
		if p.ModelId == 0 || p.Creator == "" || p.ClaimTimeout <= 0 {
			return nil, fmt.Errorf("pool %d needs a model id, a creator and a positive claim timeout", p.Id)
		}
		counts[p.Id] = [3]uint64{}
	}
	return counts, nil
}

// validateTasks checks each task, fills counts, and returns the worker of
// each CLAIMED task.
func (gs GenesisState) validateTasks(counts map[uint64][3]uint64) (map[uint64]string, error) {
	poolModel := make(map[uint64]uint64, len(gs.Pools))
	for _, p := range gs.Pools {
		poolModel[p.Id] = p.ModelId
	}
	seen := make(map[uint64]bool, len(gs.Tasks))
	claims := make(map[uint64]string)
	for _, t := range gs.Tasks {
		if t.Id == 0 || t.Id >= gs.NextTaskId {
			return nil, fmt.Errorf("task id %d out of range [1, %d)", t.Id, gs.NextTaskId)
		}
		if seen[t.Id] {
			return nil, fmt.Errorf("duplicate task id %d", t.Id)
		}
		seen[t.Id] = true
		model, ok := poolModel[t.PoolId]
		if !ok {
			return nil, fmt.Errorf("task %d is in unknown pool %d", t.Id, t.PoolId)
		}
		if t.ModelId != model || t.ModelVersion == 0 {
			return nil, fmt.Errorf("task %d: model %d version %d, its pool serves model %d", t.Id, t.ModelId, t.ModelVersion, model)
		}
		if err := t.Reward.Validate(); err != nil || !t.Reward.IsPositive() {
			return nil, fmt.Errorf("task %d: reward %s must be a valid positive coin", t.Id, t.Reward)
		}
		if t.Creator == "" {
			return nil, fmt.Errorf("task %d needs a creator", t.Id)
		}
		if err := t.validatePrivateFields(); err != nil {
			return nil, fmt.Errorf("task %d: %w", t.Id, err)
		}
		if len(t.InputVector) != 0 {
			return nil, fmt.Errorf("task %d: input_vector is derived from input by queries and never stored; leave it empty", t.Id)
		}
		if n := len(t.InputCommitment); n != 0 && n != verifier.InputCommitmentSize {
			return nil, fmt.Errorf("task %d: input commitment is %d bytes, want %d (or none: computed when its result is checked)", t.Id, n, verifier.InputCommitmentSize)
		}
		c := counts[t.PoolId]
		switch t.Status {
		case TASK_STATUS_OPEN:
			c[0]++
		case TASK_STATUS_CLAIMED:
			if t.Worker == "" || t.ClaimExpiry.IsZero() || t.ClaimExpiry.After(t.Deadline) {
				return nil, fmt.Errorf("claimed task %d needs a worker and a claim expiry no later than its deadline", t.Id)
			}
			if t.ClaimOutageCredit < 0 || t.ClaimOutageCredit > gs.OutageClock.Credit {
				return nil, fmt.Errorf("claimed task %d: claim_outage_credit %s must be in [0, outage_clock credit %s]",
					t.Id, t.ClaimOutageCredit, gs.OutageClock.Credit)
			}
			claims[t.Id] = t.Worker
			c[1]++
		case TASK_STATUS_COMPLETED:
			if t.Worker == "" || len(t.Output) == 0 {
				return nil, fmt.Errorf("completed task %d needs a worker and an output", t.Id)
			}
			c[2]++
		case TASK_STATUS_CANCELLED, TASK_STATUS_EXPIRED, TASK_STATUS_REFUND_PENDING:
		default:
			return nil, fmt.Errorf("task %d has invalid status %s", t.Id, t.Status)
		}
		counts[t.PoolId] = c
	}
	return claims, nil
}

// validateWorkers checks that the claims held by each worker are exactly the
// CLAIMED tasks assigned to it.
func (gs GenesisState) validateWorkers(claims map[uint64]string) error {
	seen := make(map[string]bool, len(gs.Workers))
	held := 0
	for _, w := range gs.Workers {
		if w.Address == "" || seen[w.Address] {
			return fmt.Errorf("empty or duplicate worker address %q", w.Address)
		}
		seen[w.Address] = true
		if err := w.TotalRewards.Validate(); err != nil {
			return fmt.Errorf("worker %s total_rewards: %w", w.Address, err)
		}
		ids := make(map[uint64]bool, len(w.ActiveTaskIds))
		for _, id := range w.ActiveTaskIds {
			if ids[id] || claims[id] != w.Address {
				return fmt.Errorf("worker %s lists task %d, which is not a claim of its own (or is listed twice)", w.Address, id)
			}
			ids[id] = true
		}
		held += len(ids)
	}
	if held != len(claims) {
		return fmt.Errorf("%d tasks are claimed but workers list %d claims", len(claims), held)
	}
	return nil
}
