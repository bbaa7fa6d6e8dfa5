// Command gen finishes the API document that protoc-gen-openapiv2 merged from
// proto/ (scripts/protocgen.sh runs it): it names the document, gives every
// operation an id that is unique across services (each module's Query has a
// Params method, which the plugin names Query_Params in all of them), and
// writes the result with sorted keys, so that `make proto-gen` reproduces the
// committed file byte for byte.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

const description = `REST (grpc-gateway) interface of hyrad: every query of the hyra modules, and the
cosmos-sdk services an application needs to sign and broadcast transactions (accounts,
balances, denom metadata, tx simulate/broadcast/get).

JSON conventions: field names are the proto names (snake_case); 64-bit integers are
strings; bytes are base64; enums are their names; every field is present, defaults
included. An enum query parameter takes the value's name, the name without the enum's
prefix (status=completed) or the number. Task inputs and results also give their
vector decoded (input_vector, output_vector).`

func main() {
	in := flag.String("in", "", "document merged by protoc-gen-openapiv2")
	out := flag.String("out", "", "where to write the finished document")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "openapi gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	doc["info"] = map[string]any{
		"title":       "hyrad REST API",
		"description": description,
		"version":     "v1",
	}
	if err := nameOperations(doc); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// nameOperations replaces the plugin's Service_Method operation ids by
// ModuleMethod (TaskpoolParams, BankBalance, TxBroadcastTx), the module being
// the second part of the service's package (the operation's tag, which the
// plugin sets to the package-qualified service name).
func nameOperations(doc map[string]any) error {
	paths, _ := doc["paths"].(map[string]any)
	seen := map[string]string{}
	for path, item := range paths {
		ops, _ := item.(map[string]any)
		for verb, o := range ops {
			op, _ := o.(map[string]any)
			id, err := operationID(op)
			if err != nil {
				return fmt.Errorf("%s %s: %w", verb, path, err)
			}
			if other, dup := seen[id]; dup {
				return fmt.Errorf("operation id %s of %s %s is also %s's", id, verb, path, other)
			}
			seen[id] = verb + " " + path
			op["operationId"] = id
		}
	}
	return nil
}

func operationID(op map[string]any) (string, error) {
	tags, _ := op["tags"].([]any)
	plugin, _ := op["operationId"].(string)
	if len(tags) != 1 {
		return "", fmt.Errorf("want one tag (the service), got %v", tags)
	}
	service, _ := tags[0].(string)
	pkg := strings.Split(service, ".")
	_, method, ok := strings.Cut(plugin, "_")
	if len(pkg) < 3 || !ok {
		return "", fmt.Errorf("service %q, operation %q: not package.module.version.Service and Service_Method", service, plugin)
	}
	module := pkg[1]
	return strings.ToUpper(module[:1]) + module[1:] + method, nil
}
