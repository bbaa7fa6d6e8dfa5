package keeper

import "context"

// SendDeferredShares is sendDeferredShares for the tests of package
// keeper_test: it does what the end of the block does with the shares the
// block's settlements deferred, without the rest of EndBlock.
func (k Keeper) SendDeferredShares(ctx context.Context) error { return k.sendDeferredShares(ctx) }
