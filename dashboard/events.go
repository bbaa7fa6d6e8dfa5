package dashboard

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/gorilla/websocket"
)

// maxEventStreams bounds how many browsers the relay serves at once: each
// holds two subscriptions on the node's event bus.
const maxEventStreams = 64

// The queries the relay subscribes to: every transaction, and each block's
// own events (EndBlock's expiries and lapsed claims come there).
var eventQueries = []string{
	"tm.event='Tx'",
	"tm.event='NewBlockEvents'",
}

const (
	writeTimeout = 10 * time.Second
	pingInterval = 30 * time.Second
)

// Message is what the relay sends the browser for each transaction or block:
// the hyra events in it, with their attribute values decoded from the JSON
// the SDK's typed events hold.
type Message struct {
	Kind   string  `json:"kind"` // "tx" or "block"
	Height int64   `json:"height"`
	TxHash string  `json:"txhash,omitempty"`
	Events []Event `json:"events"`
}

// Event is one typed event: its proto name and its attributes.
type Event struct {
	Type       string                     `json:"type"`
	Attributes map[string]json.RawMessage `json:"attributes"`
}

// EventRelay serves /dashboard/events: a websocket on which it pushes a
// Message per transaction and per block, read from the node's event bus. It
// is read-only and takes nothing from the browser, so unlike a proxy to the
// RPC port it exposes no other method of the node.
type EventRelay struct {
	events   rpcclient.EventsClient
	limit    int64
	open     atomic.Int64
	next     atomic.Uint64
	upgrader websocket.Upgrader
}

// NewEventRelay returns a relay reading events from client, serving at most
// limit browsers at once. client is the node's in-process CometBFT client; if
// it cannot subscribe, the relay answers 503 and the page polls instead.
func NewEventRelay(client any, limit int64) *EventRelay {
	events, _ := client.(rpcclient.EventsClient)
	return &EventRelay{events: events, limit: limit, upgrader: websocket.Upgrader{
		// The stream is public chain data, as the REST routes are, so any
		// origin may read it, as CometBFT's own websocket allows.
		CheckOrigin: func(*http.Request) bool { return true },
	}}
}

func (rl *EventRelay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rl.events == nil {
		http.Error(w, "this node's API server has no event bus", http.StatusServiceUnavailable)
		return
	}
	if rl.open.Add(1) > rl.limit {
		rl.open.Add(-1)
		http.Error(w, "too many dashboard event streams", http.StatusServiceUnavailable)
		return
	}
	defer rl.open.Add(-1)
	conn, err := rl.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	defer conn.Close() //nolint:errcheck // the relay is over; the peer may be gone already
	// The API server's read timeout was set on the connection for the HTTP
	// request; a websocket lives longer.
	_ = conn.SetReadDeadline(time.Time{})

	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	subscriber := fmt.Sprintf("dashboard-%d", rl.next.Add(1))
	defer func() { _ = rl.events.UnsubscribeAll(context.Background(), subscriber) }()
	merged := make(chan ctypes.ResultEvent, 64)
	for _, q := range eventQueries {
		ch, err := rl.events.Subscribe(ctx, subscriber, q, 64)
		if err != nil {
			_ = conn.WriteControl(websocket.CloseMessage,
				websocket.FormatCloseMessage(websocket.CloseTryAgainLater, err.Error()), time.Now().Add(writeTimeout))
			return
		}
		go forward(ctx, ch, merged)
	}
	go discardReads(conn, cancel)
	rl.pump(ctx, conn, merged)
}

// forward copies one subscription into the merged channel until ctx ends.
func forward(ctx context.Context, in <-chan ctypes.ResultEvent, out chan<- ctypes.ResultEvent) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-in:
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}
}

// discardReads reads (and drops) what the browser sends, which also handles
// pongs and the close handshake; it cancels the stream when the browser goes.
func discardReads(conn *websocket.Conn, cancel context.CancelFunc) {
	defer cancel()
	conn.SetReadLimit(512)
	for {
		if _, _, err := conn.NextReader(); err != nil {
			return
		}
	}
}

// pump writes one Message per event, and a ping when idle, until ctx ends or
// a write fails.
func (rl *EventRelay) pump(ctx context.Context, conn *websocket.Conn, in <-chan ctypes.ResultEvent) {
	ping := time.NewTicker(pingInterval)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ping.C:
			if conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(writeTimeout)) != nil {
				return
			}
		case ev := <-in:
			msg, ok := ToMessage(ev.Data)
			if !ok {
				continue
			}
			_ = conn.SetWriteDeadline(time.Now().Add(writeTimeout))
			if conn.WriteJSON(msg) != nil {
				return
			}
		}
	}
}

// ToMessage turns an event bus item into the Message the browser gets. Blocks
// are always sent (they carry the height); transactions only when they hold
// a hyra event.
func ToMessage(data any) (Message, bool) {
	switch d := data.(type) {
	case cmttypes.EventDataTx:
		sum := sha256.Sum256(d.Tx)
		msg := Message{Kind: "tx", Height: d.Height, TxHash: strings.ToUpper(hex.EncodeToString(sum[:])), Events: hyraEvents(d.Result.Events)}
		return msg, len(msg.Events) > 0
	case cmttypes.EventDataNewBlockEvents:
		return Message{Kind: "block", Height: d.Height, Events: hyraEvents(d.Events)}, true
	}
	return Message{}, false
}

// hyraEvents keeps the events of hyra's modules, with each attribute value
// as the JSON the typed event holds (or as a JSON string if it is not JSON).
func hyraEvents(events []abci.Event) []Event {
	out := []Event{}
	for _, e := range events {
		if !strings.HasPrefix(e.Type, "hyra.") {
			continue
		}
		attrs := make(map[string]json.RawMessage, len(e.Attributes))
		for _, a := range e.Attributes {
			v := json.RawMessage(a.Value)
			if !json.Valid(v) {
				v, _ = json.Marshal(a.Value)
			}
			attrs[a.Key] = v
		}
		out = append(out, Event{Type: e.Type, Attributes: attrs})
	}
	return out
}
