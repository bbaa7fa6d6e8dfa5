package simulation

import (
	"math/rand"
	"time"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// RandomInput returns an encoded input that the schema accepts.
func RandomInput(r *rand.Rand, s mrtypes.InputSchema) []byte {
	v := make([]int64, s.Length)
	for i := range v {
		v[i] = s.MinValue + r.Int63n(s.MaxValue-s.MinValue+1)
	}
	return vector.Encode(v)
}

// RandomDeadline returns a deadline that the params accept at block time now.
func RandomDeadline(r *rand.Rand, now time.Time, p types.Params) time.Time {
	return now.Add(p.MinTaskTtl + randDuration(r, p.MaxTaskTtl-p.MinTaskTtl))
}

// RandomRoutableDeadline returns a deadline that the params accept and that
// leaves more than any pool's claim timeout, so that RouteTask finds a pool
// for it; ok is false when the params leave no such deadline.
func RandomRoutableDeadline(r *rand.Rand, now time.Time, p types.Params) (deadline time.Time, ok bool) {
	lo := max(p.MinTaskTtl, p.MaxClaimTimeout+time.Second)
	if lo > p.MaxTaskTtl {
		return time.Time{}, false
	}
	return now.Add(lo + randDuration(r, p.MaxTaskTtl-lo)), true
}
