package types

const (
	// ModuleName is the name of the module and of its account, which creates
	// the pools RouteTask makes for models that have none.
	ModuleName = "router"
)
