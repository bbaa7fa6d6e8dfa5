// Package restroutes lists the REST routes of the hyra query services from
// the proto descriptors compiled into the binary, so that tests can check the
// API document and the API server against the services themselves rather
// than against a hand-kept list.
package restroutes

import (
	"fmt"
	"sort"
	"strings"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"google.golang.org/genproto/googleapis/api/annotations"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"

	// The app registers the proto files of every module it runs.
	_ "github.com/hyra-network/hyra/app"
)

// Route is one query method and the GET path template the gateway serves it at.
type Route struct {
	Method string // full name, e.g. hyra.taskpool.v1.Query.Task
	Path   string // e.g. /hyra/taskpool/v1/tasks/{id}
}

// HyraQueries returns the GET route of every method of every hyra Query
// service, sorted by path; a method without one is an error (it would be
// unreachable over REST).
func HyraQueries() ([]Route, error) {
	files, err := gogoproto.MergedGlobalFileDescriptors()
	if err != nil {
		return nil, err
	}
	var routes []Route
	for _, f := range files.File {
		if !strings.HasPrefix(f.GetPackage(), "hyra.") {
			continue
		}
		for _, s := range f.Service {
			if s.GetName() != "Query" {
				continue
			}
			for _, m := range s.Method {
				name := f.GetPackage() + ".Query." + m.GetName()
				path := getPath(m)
				if path == "" {
					return nil, fmt.Errorf("%s has no google.api.http GET path", name)
				}
				routes = append(routes, Route{Method: name, Path: path})
			}
		}
	}
	sort.Slice(routes, func(i, j int) bool { return routes[i].Path < routes[j].Path })
	return routes, nil
}

func getPath(m *descriptorpb.MethodDescriptorProto) string {
	if m.Options == nil || !proto.HasExtension(m.Options, annotations.E_Http) {
		return ""
	}
	rule, ok := proto.GetExtension(m.Options, annotations.E_Http).(*annotations.HttpRule)
	if !ok {
		return ""
	}
	return rule.GetGet()
}
