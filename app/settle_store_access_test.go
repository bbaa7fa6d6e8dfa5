package app_test

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/store/tracekv"
	storetypes "cosmossdk.io/store/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"
)

// storeAccess is one traced store operation of a settlement: the store, the
// collection (or the key's first byte for the SDK's modules), what was done
// (read, write, delete, iterKey) and the key.
type storeAccess struct {
	store, collection, op, key string
}

// traceSettlements runs c's valid results, one after the other, through the
// real SubmitResult handler on one branch of the last committed state, as
// the messages of one transaction run, and returns every store operation
// each made (the ante handler's own reads and writes are not included) and
// the gas each used.
func (c *multiResultChain) traceSettlements() ([][]storeAccess, []uint64) {
	c.t.Helper()
	var trace bytes.Buffer
	ms := tracedStores{MultiStore: c.app.CommitMultiStore().CacheMultiStore(), w: &trace}
	ctx := c.app.NewUncachedContext(false, cmtproto.Header{ChainID: testChainID, Height: c.height + 1, Time: c.time.Add(1)}).
		WithMultiStore(ms)
	names := c.collectionNames()
	var perResult [][]storeAccess
	var gas []uint64
	for _, msg := range c.results {
		trace.Reset()
		meter := storetypes.NewInfiniteGasMeter()
		_, err := c.app.MsgServiceRouter().Handler(msg)(ctx.WithGasMeter(meter), msg)
		require.NoError(c.t, err)
		perResult = append(perResult, parseTrace(c.t, trace.Bytes(), names))
		gas = append(gas, meter.GasConsumed())
	}
	return perResult, gas
}

// tracedStores is a branch of the multistore whose stores trace every
// operation made on them, above the branch's cache (the SDK's own tracer sits
// below it and sees only cache misses and the final writes).
type tracedStores struct {
	storetypes.MultiStore
	w io.Writer
}

func (s tracedStores) GetKVStore(key storetypes.StoreKey) storetypes.KVStore {
	return tracekv.NewStore(s.MultiStore.GetKVStore(key), s.w, storetypes.TraceContext{"store_name": key.Name()})
}

// collectionNames maps "store/prefix" to the collection's name for the
// hyra modules' collections.
func (c *multiResultChain) collectionNames() map[string]string {
	names := map[string]string{}
	for store, schema := range map[string]collections.Schema{
		"taskpool": c.app.TaskPoolKeeper.Schema, "rewards": c.app.RewardsKeeper.Schema, "modelregistry": c.app.ModelRegistryKeeper.Schema,
	} {
		for _, coll := range schema.ListCollections() {
			names[store+"/"+string(coll.GetPrefix())] = coll.GetName()
		}
	}
	return names
}

// parseTrace decodes a store trace (tracekv's JSON lines) into accesses.
func parseTrace(t testing.TB, trace []byte, names map[string]string) []storeAccess {
	t.Helper()
	var out []storeAccess
	sc := bufio.NewScanner(bytes.NewReader(trace))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var op struct {
			Operation string
			Key       string
			Metadata  map[string]any
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &op))
		if op.Operation == "iterValue" {
			continue // the value of an iterKey already counted
		}
		key, err := base64.StdEncoding.DecodeString(op.Key)
		require.NoError(t, err)
		store, _ := op.Metadata["store_name"].(string)
		coll := fmt.Sprintf("0x%x", key[:min(1, len(key))])
		for prefixLen := 1; prefixLen <= len(key); prefixLen++ {
			if name, ok := names[store+"/"+string(key[:prefixLen])]; ok {
				coll = name
				break
			}
		}
		out = append(out, storeAccess{store: store, collection: coll, op: op.Operation, key: string(key)})
	}
	require.NoError(t, sc.Err())
	return out
}

// repeated lists the keys of store that accesses touch more than once with
// one of ops.
func repeated(accesses []storeAccess, ops ...string) []string {
	n := map[string]int{}
	var out []string
	for _, a := range accesses {
		if slices.Contains(ops, a.op) {
			id := a.store + " " + a.collection + fmt.Sprintf(" %x", a.key)
			if n[id]++; n[id] == 2 {
				out = append(out, id)
			}
		}
	}
	return out
}

// hyraStores keeps the accesses to the hyra modules' stores. (x/bank reads
// the payer's balance twice: its send reads it, then x/rewards checks it
// covers the deferred shares.)
func hyraStores(accesses []storeAccess) []storeAccess {
	var out []storeAccess
	for _, a := range accesses {
		if a.store == "taskpool" || a.store == "rewards" || a.store == "modelregistry" {
			out = append(out, a)
		}
	}
	return out
}

// countOps counts accesses by operation.
func countOps(accesses []storeAccess) map[string]int {
	n := map[string]int{}
	for _, a := range accesses {
		n[a.op]++
	}
	return n
}

// summary lists accesses as "store collection op xN" lines, sorted.
func summary(accesses []storeAccess) string {
	n := map[storeAccess]int{}
	for _, a := range accesses {
		a.key = ""
		n[a]++
	}
	var lines []string
	for a, k := range n {
		lines = append(lines, fmt.Sprintf("%-14s %-22s %-8s x%d", a.store, a.collection, a.op, k))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestStoreAccessPerSettledResult counts the store operations of settling a
// result through the real handler (the proof verification included, the
// ante handler not): every write is an IAVL node path at commit, every
// access costs gas. A settlement reads and writes each key at most once
// (the network counters were written twice, the model read twice), walks
// no range (x/rewards summed the payer's deferred shares on every
// settlement), and stays within the counts BENCHMARKS.md lists ("State
// writes per result (issue 17, session 8)"; -v prints the list): 17 writes
// and 4 deletes, 19 reads.
func TestStoreAccessPerSettledResult(t *testing.T) {
	c := newMultiResultChain(t)
	perResult, gas := c.traceSettlements()
	for i, accesses := range perResult {
		t.Logf("result %d: gas %d, %v\n%s", i+1, gas[i], countOps(accesses), summary(accesses))
		ops := countOps(accesses)
		require.Zero(t, ops["iterKey"], "result %d walks a range", i+1)
		require.Empty(t, repeated(accesses, "write", "delete"), "result %d writes a key twice", i+1)
		require.Empty(t, repeated(hyraStores(accesses), "read"), "result %d reads a key of the hyra modules twice", i+1)
		require.LessOrEqual(t, ops["write"]+ops["delete"], 21, "result %d", i+1)
		require.LessOrEqual(t, ops["read"], 19, "result %d", i+1)
	}
}

// BenchmarkSettleResults settles three results of one worker through the
// real handler on a fresh branch of the committed state per iteration (the
// proofs come from the verifier's cache after the first), and reports the
// gas and the CPU time (all threads: other load on the machine does not
// count) per result: the handlers' share of FinalizeBlock, without the
// commit.
//
//	go test ./app -run '^$' -bench SettleResults -benchtime 3000x
func BenchmarkSettleResults(b *testing.B) {
	c := newMultiResultChain(b)
	header := cmtproto.Header{ChainID: testChainID, Height: c.height + 1, Time: c.time.Add(1)}
	var gas uint64
	b.ResetTimer()
	cpu0 := cpuTime(b)
	for range b.N {
		ctx := c.app.NewUncachedContext(false, header).WithMultiStore(c.app.CommitMultiStore().CacheMultiStore())
		for _, msg := range c.results {
			meter := storetypes.NewInfiniteGasMeter()
			if _, err := c.app.MsgServiceRouter().Handler(msg)(ctx.WithGasMeter(meter), msg); err != nil {
				b.Fatal(err)
			}
			gas += meter.GasConsumed()
		}
	}
	b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/float64(b.N*len(c.results)), "cpu-µs/result")
	b.ReportMetric(float64(gas)/float64(b.N*len(c.results)), "gas/result")
}
