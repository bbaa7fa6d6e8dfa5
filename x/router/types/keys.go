// Package types holds x/router's messages, params, genesis, errors, typed events and
// store keys: what its keeper, its clients and other modules share.
package types

const (
	// ModuleName is the name of the module and of its account, which creates
	// the pools RouteTask makes for models that have none.
	ModuleName = "router"
)
