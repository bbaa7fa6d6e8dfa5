package app

import (
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"

	"github.com/hyra-network/hyra/api/openapi"
	"github.com/hyra-network/hyra/dashboard"
)

// RegisterAPIRoutes registers the REST routes of every module (the runtime
// app's), with enum query parameters taken by name as well as by number;
// when app.toml's api.swagger is true, hyra's API document and a Swagger UI
// at /swagger/; and the web dashboard at /dashboard/ (served from assets
// embedded in the binary).
func (app *App) RegisterAPIRoutes(apiSvr *api.Server, apiConfig config.APIConfig) {
	registerRESTEnums()
	app.App.RegisterAPIRoutes(apiSvr, apiConfig)
	if err := openapi.Register(apiSvr.Router, apiConfig.Swagger); err != nil {
		panic(err)
	}
	dashboard.Register(apiSvr.Router, apiSvr.ClientCtx)
}
