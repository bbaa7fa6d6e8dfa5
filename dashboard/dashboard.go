// Package dashboard serves hyrad's web dashboard at /dashboard/ on the node's
// API server. The page is built from the TypeScript sources beside this file
// (`make dashboard`) into dist/, which is committed and embedded, so a node
// needs nothing but its binary to serve it and `go build` needs no Node.
//
// The page reads only this node: its REST routes, which are on the same
// origin, and its CometBFT events, which /dashboard/events relays over a
// websocket on the same origin (see events.go). Serving everything from one
// origin means no CORS settings, and the dashboard works wherever the API
// server is reachable, even when the RPC port is bound to loopback.
package dashboard

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/gorilla/mux"

	"github.com/cosmos/cosmos-sdk/client"
)

// Path is where the dashboard is served on the API server.
const Path = "/dashboard/"

//go:embed dist
var dist embed.FS

// Assets returns the built dashboard: index.html and what it loads.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time: it always exists
	}
	return sub
}

// Register adds the dashboard's routes to the API server's router. clientCtx
// is the API server's: its client is the node's in-process CometBFT client,
// whose event bus /dashboard/events subscribes to.
func Register(r *mux.Router, clientCtx client.Context) {
	r.Handle("/dashboard", http.RedirectHandler(Path, http.StatusMovedPermanently))
	r.Handle(Path+"events", NewEventRelay(clientCtx.Client, maxEventStreams))
	r.PathPrefix(Path).Handler(http.StripPrefix(Path, staticHandler()))
}

// staticHandler serves the embedded assets. index.html is revalidated on each
// load so a node upgrade shows at once; the bundles' names carry no hash, so
// they are revalidated too (they are small).
func staticHandler() http.Handler {
	files := http.FileServer(http.FS(Assets()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}
