package app

import (
	"strings"
	"sync"

	gogoproto "github.com/cosmos/gogoproto/proto"
	golangproto "github.com/golang/protobuf/proto" //nolint:staticcheck // the registry grpc-gateway v1 reads enums from
	"google.golang.org/protobuf/reflect/protoreflect"
)

var registerRESTEnumsOnce sync.Once

// registerRESTEnums lets REST query parameters give a hyra enum by name. The
// gateway (grpc-gateway v1) parses an enum parameter with golang/protobuf's
// enum registry, which gogoproto's generated code does not fill, so only
// numbers were accepted (?status=3) and the names the API document lists
// answered 400. Each hyra enum is registered there with its value names
// (TASK_STATUS_COMPLETED) and, as aliases, the names without the enum's
// prefix, lower- and upper-case (completed, COMPLETED).
func registerRESTEnums() {
	registerRESTEnumsOnce.Do(func() {
		gogoproto.HybridResolver.RangeFiles(func(f protoreflect.FileDescriptor) bool {
			if strings.HasPrefix(string(f.Package()), "hyra.") {
				registerEnums(f.Enums())
				for i := 0; i < f.Messages().Len(); i++ {
					registerEnums(f.Messages().Get(i).Enums())
				}
			}
			return true
		})
	})
}

func registerEnums(enums protoreflect.EnumDescriptors) {
	for i := 0; i < enums.Len(); i++ {
		e := enums.Get(i)
		name := string(e.FullName())
		// The gateway reads enums from golang/protobuf's registry, so they go there, deprecated or not.
		if golangproto.EnumValueMap(name) != nil { //nolint:staticcheck // SA1019: see above
			continue // already known to the gateway (and registering twice panics)
		}
		golangproto.RegisterEnum(name, nil, enumNames(e)) //nolint:staticcheck // SA1019: see above
	}
}

// enumNames maps every name a value may be given by to its number.
func enumNames(e protoreflect.EnumDescriptor) map[string]int32 {
	prefix := upperSnake(string(e.Name())) + "_"
	names := make(map[string]int32)
	for i := 0; i < e.Values().Len(); i++ {
		v := e.Values().Get(i)
		full, num := string(v.Name()), int32(v.Number())
		names[full] = num
		if short, ok := strings.CutPrefix(full, prefix); ok && short != "" {
			names[short] = num
			names[strings.ToLower(short)] = num
		}
	}
	return names
}

// upperSnake turns TaskStatus into TASK_STATUS, the prefix of its values' names.
func upperSnake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}
