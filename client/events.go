package client

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
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

// EventStream keeps websocket subscriptions to a node alive. CometBFT's
// client reconnects on its own only for a while and never closes its
// channels, so a dead connection is silent: the stream checks the node's
// health every HealthInterval and, after a failure, reconnects with backoff
// and subscribes again. Events are hints: a caller must still poll, since
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

// session runs one websocket connection until it fails or ctx ends.
func (s *EventStream) session(ctx context.Context, backoff *Backoff) error {
	c, err := rpchttp.New(s.Node, "/websocket")
	if err != nil {
		return err
	}
	if err := c.Start(); err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() { _ = c.Stop() }()

	done := make(chan struct{})
	var wg sync.WaitGroup
	defer func() { close(done); wg.Wait() }()
	for _, q := range s.Queries {
		subCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ch, err := c.Subscribe(subCtx, "hyra-client", q, cap(s.out))
		cancel()
		if err != nil {
			return fmt.Errorf("subscribe %q: %w", q, err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.forward(ch, done)
		}()
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
		case <-ticker.C:
			hctx, cancel := context.WithTimeout(ctx, s.HealthInterval)
			_, err := c.Health(hctx)
			cancel()
			if err != nil {
				return fmt.Errorf("health check: %w", err)
			}
		}
	}
}

func (s *EventStream) forward(ch <-chan coretypes.ResultEvent, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case ev := <-ch:
			select {
			case s.out <- ev:
			default:
			}
		}
	}
}
