// Package onnxpb holds the Go types of the ONNX protobuf format (onnx.proto, IR version 9, as
// ONNX publishes it), generated with protoc-gen-go under the protobuf package onnxpb.
//
// hyrad links these types instead of a third-party ONNX package because the package it used
// (gonnx) pulls in gorgonia.org/tensor, whose gogo-generated descriptor is registered in
// protobuf's global registry with an import ("github.com/gogo/protobuf/gogoproto/gogo.proto")
// that no registered file provides: the SDK's gogoproto.MergedRegistry then fails, autocli
// falls back to a resolver whose query responses decode as empty messages, and every
// `hyrad query ... --output json` printed `{"params": {}}`. Only the protobuf package name
// differs from onnx.proto's: the wire format, which .onnx files use, is the same.
package onnxpb

//go:generate protoc -I .. --go_out=paths=source_relative:.. ../onnxpb/onnx.proto
