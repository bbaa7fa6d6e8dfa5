package client

import (
	"io"
	"net"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSessionConnEndsItsConnectionAndRefusesRedials: after end, the
// connection the session made is closed and a redial (the websocket
// client's own reconnection) is refused and its connection closed.
func TestSessionConnEndsItsConnectionAndRefusesRedials(t *testing.T) {
	var made []net.Conn
	dial := func(string, string) (net.Conn, error) {
		a, b := net.Pipe()
		made = append(made, b)
		return a, nil
	}
	var s sessionConn
	wrapped := s.wrap(dial)
	c, err := wrapped("tcp", "node")
	require.NoError(t, err)

	s.end()
	_, err = c.Write([]byte("x"))
	require.ErrorIs(t, err, io.ErrClosedPipe, "end closed the connection")
	_, err = wrapped("tcp", "node")
	require.ErrorIs(t, err, errSessionEnded)
	_, err = made[1].Write([]byte("x"))
	require.ErrorIs(t, err, io.ErrClosedPipe, "the refused redial's connection is closed")
}
