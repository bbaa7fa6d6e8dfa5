package cmd

import (
	"errors"
	"regexp"
	"strings"
	"syscall"
)

// sourceLocation is what an errorsmod error appends to itself when it is
// formatted with %v or wrapped with %w, which the SDK's client code does:
// " [cosmos/cosmos-sdk@v0.53.8/crypto/keyring/keyring.go:534]".
var sourceLocation = regexp.MustCompile(` \[[^\[\]\s]+\.go:\d+\]`)

// grpcPrefix is the status prefix gRPC puts before a node's message, once
// per hop ("rpc error: code = NotFound desc = rpc error: code = NotFound desc
// = task 9 not found"): noise around what the node said.
var grpcPrefix = regexp.MustCompile(`(rpc error: code = \w+ desc = )+`)

// dialedAddress finds the address a refused dial was to in Go's error text
// ("dial tcp 127.0.0.1:26657: connect: connection refused").
var dialedAddress = regexp.MustCompile(`dial tcp ([^\s]+): connect: connection refused`)

// nodeHint is added to an error from a node that refused the connection: it
// names the node that was tried (from --node, else client.toml's node) and
// how to point at another.
func nodeHint(text string) string {
	node := "that address"
	if m := dialedAddress.FindStringSubmatch(text); m != nil {
		node = "tcp://" + m[1]
	}
	return "No node answers at " + node + " (the node this home's client.toml names, unless --node says another). " +
		"Start one (hyrad start), or name the node with --node tcp://HOST:26657, " +
		"or once for this home: hyrad config set client node tcp://HOST:26657"
}

// ErrorText is how hyrad prints a command's error: without source file
// locations or gRPC status prefixes, which tell a user nothing, and with a
// hint when the node could not be reached.
func ErrorText(err error) string {
	text := sourceLocation.ReplaceAllString(err.Error(), "")
	text = grpcPrefix.ReplaceAllString(text, "")
	if errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(text, "connection refused") {
		text += "\n" + nodeHint(text)
	}
	return text
}
