package cmd

import (
	"fmt"
	"slices"
	"strings"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// sdkIndexedEvents are the Cosmos SDK's event attributes that hyrad's users
// search on: a transaction by its signer's sequence, its signature or its fee
// payer (`hyrad q tx --type acc_seq|signature`, explorers), and by message
// type and sender (`hyrad q txs --query "message.sender='...'"`). The hash
// and height of a transaction are indexed whatever this list says.
var sdkIndexedEvents = []string{
	"message.action",
	"message.sender",
	"tx.acc_seq",
	"tx.fee_payer",
	"tx.signature",
}

// accountFields are the fields of hyra's events that hold an account's
// address: who created, owns, works on or is paid by something.
var accountFields = []string{
	"contributor", "creator", "funder", "model_owner", "new_owner", "owner",
	"previous_owner", "recipient", "worker",
}

// identifying reports whether a hyra event's field names what the event is
// about (a task, model, pool, unbonding, epoch or account), as opposed to an
// amount, a hash, a flag or a count: the fields users search events by.
func identifying(field string) bool {
	return strings.HasSuffix(field, "_id") || field == "epoch" || slices.Contains(accountFields, field)
}

// defaultIndexEvents is app.toml's index-events as `hyrad init` writes it:
// the SDK attributes above and the identifying fields of every typed event of
// hyra's modules (type "hyra.taskpool.v1.EventTaskCompleted", key "task_id"),
// sorted. Everything else, the bank's coin_spent, coin_received and transfer
// events and every amount among them, is not indexed: about 30 attributes per
// result would otherwise go into the transaction index, which grew nearly as
// large as the state (BENCHMARKS.md, "Databases per result"). Indexing decides
// only what /tx_search and /block_search find; every event still reaches
// /block_results, the transactions' results and websocket subscribers, and the
// app hash does not depend on it.
func defaultIndexEvents() []string {
	out := slices.Clone(sdkIndexedEvents)
	for _, ev := range hyraEvents() {
		fields := ev.Fields()
		for i := range fields.Len() {
			if name := string(fields.Get(i).Name()); identifying(name) {
				out = append(out, fmt.Sprintf("%s.%s", ev.FullName(), name))
			}
		}
	}
	slices.Sort(out)
	return out
}

// hyraEvents are the typed events (messages named Event*) declared in hyra's
// events.proto files, in the order of their full names.
func hyraEvents() []protoreflect.MessageDescriptor {
	var out []protoreflect.MessageDescriptor
	gogoproto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(fd.Path(), "hyra/") || !strings.HasSuffix(fd.Path(), "/events.proto") {
			return true
		}
		msgs := fd.Messages()
		for i := range msgs.Len() {
			if strings.HasPrefix(string(msgs.Get(i).Name()), "Event") {
				out = append(out, msgs.Get(i))
			}
		}
		return true
	})
	slices.SortFunc(out, func(a, b protoreflect.MessageDescriptor) int {
		return strings.Compare(string(a.FullName()), string(b.FullName()))
	})
	return out
}
