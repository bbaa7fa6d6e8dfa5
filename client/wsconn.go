package client

import (
	"errors"
	"net"
	"sync"
)

// errSessionEnded refuses a websocket client's redial after its session
// ended.
var errSessionEnded = errors.New("event session ended")

// sessionConn hands a CometBFT websocket client (rpc/jsonrpc/client.WSClient)
// its connections, and ends them when the session ends. A session never
// calls the client's Stop: Stop races with the client's own reconnection (a
// redial that succeeds after Stop starts read and write routines that send
// on the ResponsesCh Stop closed, a panic that kills the process; a worker
// died so when its node restarted). Instead end closes the connection and
// refuses every later dial, so that the client, allowed one reconnection
// attempt, fails it and stops itself from its reconnect routine, where no
// reconnection can run beside the stop.
type sessionConn struct {
	mu    sync.Mutex
	ended bool
	conn  net.Conn
}

// wrap returns dial made to refuse once the session ended and to record the
// connection it makes, which end closes.
func (s *sessionConn) wrap(dial func(network, addr string) (net.Conn, error)) func(network, addr string) (net.Conn, error) {
	return func(network, addr string) (net.Conn, error) {
		c, err := dial(network, addr)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.ended {
			_ = c.Close()
			return nil, errSessionEnded
		}
		s.conn = c
		return c, nil
	}
}

// end closes the session's connection and refuses any later dial.
func (s *sessionConn) end() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ended = true
	if s.conn != nil {
		_ = s.conn.Close()
	}
}
