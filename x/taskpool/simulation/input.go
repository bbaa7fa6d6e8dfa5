package simulation

import (
	"math/rand"
	"time"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// RandomInput returns an input that the schema accepts, in a random encoding
// (INT64 when the one drawn does not hold it), so that simulations carry
// every encoding through submission, proving and genesis.
func RandomInput(r *rand.Rand, s mrtypes.InputSchema) ([]byte, types.VectorEncoding) {
	v := make([]int64, s.Length)
	for i := range v {
		v[i] = s.MinValue + r.Int63n(s.MaxValue-s.MinValue+1)
	}
	e := types.VectorEncoding(r.Intn(len(types.VectorEncoding_name)))
	if b, err := vector.EncodeAs(v, e.Vector()); err == nil {
		return b, e
	}
	return vector.Encode(v), types.VECTOR_ENCODING_INT64
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
