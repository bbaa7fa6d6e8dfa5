package cmd

import (
	"errors"
	"fmt"
	"net"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// TestErrorTextHasNoSourcePath: an errorsmod error wrapped with %w (as the
// SDK's client code does) carries its source location in its message; hyrad
// prints the message without it.
func TestErrorTextHasNoSourcePath(t *testing.T) {
	err := fmt.Errorf("failed to convert address field to address: %w", errorsmod.Wrap(sdkerrors.ErrKeyNotFound, "nobody.info"))
	require.Regexp(t, `\.go:\d+\]`, err.Error(), "the SDK's formatting adds the location")
	require.Equal(t, "failed to convert address field to address: nobody.info: key not found", ErrorText(err))
}

// TestErrorTextDropsGRPCPrefixes: what the node said, once.
func TestErrorTextDropsGRPCPrefixes(t *testing.T) {
	err := errors.New("rpc error: code = NotFound desc = rpc error: code = NotFound desc = task 999 not found: key not found")
	require.Equal(t, "task 999 not found: key not found", ErrorText(err))
}

// TestErrorTextHintsAtTheNode: a refused connection says how to name the node.
func TestErrorTextHintsAtTheNode(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	_, err = net.Dial("tcp", addr)
	require.Error(t, err)
	text := ErrorText(fmt.Errorf("post failed: %w", err))
	require.Contains(t, text, "connection refused")
	require.Contains(t, text, "No node answers at tcp://"+addr+" ")
	require.Contains(t, text, "--node")

	require.NotContains(t, ErrorText(sdkerrors.ErrInsufficientFunds), "--node")
}
