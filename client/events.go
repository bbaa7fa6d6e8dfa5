package client

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtlog "github.com/cometbft/cometbft/libs/log"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	jsonrpcclient "github.com/cometbft/cometbft/rpc/jsonrpc/client"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
)

// Queries for the typed events of x/taskpool, as CometBFT's websocket
// /subscribe takes them.
const (
	QueryTaskSubmitted = "tm.event='Tx' AND hyra.taskpool.v1.EventTaskSubmitted.task_id EXISTS"
	QueryTaskCompleted = "tm.event='Tx' AND hyra.taskpool.v1.EventTaskCompleted.task_id EXISTS"
	// QueryClaimExpired matches the EndBlock event of a lapsed claim: its
	// task is open again.
	QueryClaimExpired = "hyra.taskpool.v1.EventClaimExpired.task_id EXISTS"

	// Attribute keys of the events above, as they appear in ResultEvent.Events.
	AttrTaskSubmittedID = "hyra.taskpool.v1.EventTaskSubmitted.task_id"
	AttrTaskCompletedID = "hyra.taskpool.v1.EventTaskCompleted.task_id"
)

// EventStream keeps websocket subscriptions to a node alive. A dead
// connection can be silent, so the stream checks the node's health every
// HealthInterval and, after a failure, reconnects with backoff and
// subscribes again. Events are hints: a caller must still poll, since
// events published while disconnected are lost.
type EventStream struct {
	Node           string
	Queries        []string
	HealthInterval time.Duration
	Logger         *slog.Logger

	out chan coretypes.ResultEvent
}

// NewEventStream returns a stream of the events matching queries on the node
// at rpcAddr (tcp://host:port); Run connects it.
func NewEventStream(rpcAddr string, logger *slog.Logger, queries ...string) *EventStream {
	return &EventStream{
		Node:           rpcAddr,
		Queries:        queries,
		HealthInterval: 2 * time.Second,
		Logger:         logger,
		out:            make(chan coretypes.ResultEvent, 256),
	}
}

// C delivers the events. When the caller is slow, events are dropped rather
// than blocking the connection.
func (s *EventStream) C() <-chan coretypes.ResultEvent { return s.out }

// Run connects, subscribes and forwards events until ctx ends, reconnecting
// whenever the node stops answering.
func (s *EventStream) Run(ctx context.Context) {
	backoff := NewBackoff(500*time.Millisecond, 10*time.Second)
	for ctx.Err() == nil {
		err := s.session(ctx, backoff)
		if ctx.Err() != nil {
			return
		}
		wait := backoff.Next()
		s.Logger.Warn("event subscription lost; polling meanwhile", "node", s.Node, "err", err, "retry_in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// session runs one websocket connection until it fails or ctx ends. It
// drives CometBFT's WSClient itself, allowed one reconnection attempt and
// never stopped from here (sessionConn says why), and checks the node's
// health over HTTP.
func (s *EventStream) session(ctx context.Context, backoff *Backoff) error {
	health, err := rpchttp.New(s.Node, "/websocket")
	if err != nil {
		return err
	}
	// A reconnection of the client's own carries no subscription: the
	// session ends and the next one subscribes again.
	reconnected := make(chan struct{}, 1)
	ws, err := jsonrpcclient.NewWS(s.Node, "/websocket", jsonrpcclient.MaxReconnectAttempts(0),
		jsonrpcclient.OnReconnect(func() {
			select {
			case reconnected <- struct{}{}:
			default:
			}
		}))
	if err != nil {
		return err
	}
	var conn sessionConn
	ws.Dialer = conn.wrap(ws.Dialer)
	ws.SetLogger(cmtlog.NewNopLogger())
	if err := ws.Start(); err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.end()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		s.forward(ws.ResponsesCh)
	}()
	for _, q := range s.Queries {
		subCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := ws.Subscribe(subCtx, q)
		cancel()
		if err != nil {
			return fmt.Errorf("subscribe %q: %w", q, err)
		}
	}
	if backoff.Failures() > 0 {
		s.Logger.Info("event subscription restored", "node", s.Node)
	}
	backoff.Reset()

	ticker := time.NewTicker(s.HealthInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-closed:
			return errors.New("the websocket closed")
		case <-reconnected:
			return errors.New("the websocket reconnected without its subscriptions")
		case <-ticker.C:
			hctx, cancel := context.WithTimeout(ctx, s.HealthInterval)
			_, err := health.Health(hctx)
			cancel()
			if err != nil {
				return fmt.Errorf("health check: %w", err)
			}
		}
	}
}

// forward hands on the events among responses, until the client closes
// them, dropping an event when the caller is slow. A subscription's
// confirmation (an empty result) is no event; an error answering a
// subscription is logged.
func (s *EventStream) forward(responses <-chan rpctypes.RPCResponse) {
	for resp := range responses {
		if resp.Error != nil {
			s.Logger.Warn("event subscription answered an error", "node", s.Node, "err", resp.Error)
			continue
		}
		var ev coretypes.ResultEvent
		if err := cmtjson.Unmarshal(resp.Result, &ev); err != nil || ev.Query == "" {
			continue
		}
		select {
		case s.out <- ev:
		default:
		}
	}
}
