// Package client talks to a Hyra node the way a program does rather than a
// person at a CLI: it signs and broadcasts transactions with the SDK's
// client.Context and tx.Factory while tracking the account sequence, waits
// for inclusion, keeps CometBFT websocket subscriptions alive across node
// restarts, and implements the user's inference flow (route a task, wait for
// its verified result, check the proof locally). The worker daemon
// (package worker) and the demo use it too.
package client
