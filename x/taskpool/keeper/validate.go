package keeper

import (
	"bytes"
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// validateClaimTimeout checks a pool's claim timeout against the params.
func validateClaimTimeout(d time.Duration, p types.Params) error {
	if d < p.MinClaimTimeout || d > p.MaxClaimTimeout {
		return errorsmod.Wrapf(types.ErrInvalidClaimTimeout, "%s, must be in [%s, %s]", d, p.MinClaimTimeout, p.MaxClaimTimeout)
	}
	return nil
}

// validateDeadline checks that a deadline lies between min_task_ttl and
// max_task_ttl after the block time.
func validateDeadline(deadline, now time.Time, p types.Params) error {
	ttl := deadline.Sub(now)
	if ttl < p.MinTaskTtl {
		return errorsmod.Wrapf(types.ErrInvalidDeadline, "deadline %s is %s after the block time %s; the minimum is %s",
			deadline.UTC().Format(time.RFC3339), ttl, now.UTC().Format(time.RFC3339), p.MinTaskTtl)
	}
	if ttl > p.MaxTaskTtl {
		return errorsmod.Wrapf(types.ErrInvalidDeadline, "deadline %s is %s after the block time; the maximum is %s",
			deadline.UTC().Format(time.RFC3339), ttl, p.MaxTaskTtl)
	}
	return nil
}

// sameAddress reports whether a stored address string is addr. Addresses are
// compared as bytes, so that any valid spelling of a stored address works.
func (k Keeper) sameAddress(stored string, addr sdk.AccAddress) bool {
	bz, err := k.addressCodec.StringToBytes(stored)
	return err == nil && bytes.Equal(bz, addr)
}

// addrString encodes an address for state and events.
func (k Keeper) addrString(addr sdk.AccAddress) (string, error) {
	s, err := k.addressCodec.BytesToString(addr)
	if err != nil {
		return "", errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	return s, nil
}
