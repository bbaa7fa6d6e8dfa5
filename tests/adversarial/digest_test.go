package adversarial

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// digest hashes every key and value of every KV store of the app as ctx
// sees it, so that two digests differ when any write happened in between.
func (f *fixture) digest(ctx sdk.Context) string {
	h := sha256.New()
	for _, key := range f.App.GetStoreKeys() {
		kv, ok := key.(*storetypes.KVStoreKey)
		if !ok {
			continue
		}
		writeField(h, []byte(kv.Name()))
		it := ctx.KVStore(kv).Iterator(nil, nil)
		for ; it.Valid(); it.Next() {
			writeField(h, it.Key())
			writeField(h, it.Value())
		}
		_ = it.Close() // closing a store iterator only releases it
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func writeField(h hash.Hash, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// attempt runs msg through the app's router in a branch of the state and
// reports whether the branch differs from the state before, and the error:
// unlike Deliver it keeps the writes of a failing handler, so that a
// handler that writes before it fails is caught. The escrow invariant must
// hold in the branch.
func (f *fixture) attempt(msg sdk.Msg) (changed bool, err error) {
	f.T.Helper()
	before := f.digest(f.Ctx)
	handler := f.App.MsgServiceRouter().Handler(msg)
	if handler == nil {
		return false, fmt.Errorf("no handler for %T", msg)
	}
	branch, _ := f.Ctx.CacheContext()
	_, err = handler(branch, msg)
	f.requireEscrowInvariant(branch)
	return f.digest(branch) != before, err
}
