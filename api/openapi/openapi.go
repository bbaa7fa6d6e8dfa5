// Package openapi holds hyrad's REST API document (OpenAPI 2.0, generated
// from proto/ by `make proto-gen` and committed as openapi.json) and serves
// it, with a Swagger UI, at /swagger/ of the node's API server.
package openapi

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/gorilla/mux"

	"github.com/cosmos/cosmos-sdk/client/docs"
)

// Path is where the API server serves the UI; the document is Path+DocumentFile.
const (
	Path         = "/swagger/"
	DocumentFile = "openapi.json"
)

//go:embed openapi.json index.html
var files embed.FS

// Document returns the API document.
func Document() []byte {
	doc, err := files.ReadFile(DocumentFile)
	if err != nil {
		panic(err) // embedded at build time: cannot be missing
	}
	return doc
}

// Register serves the UI and the document under Path when enabled (app.toml's
// api.swagger). The SDK's RegisterSwaggerAPI would serve the cosmos-sdk's own
// document, which describes modules hyrad does not run and none of hyra's.
func Register(router *mux.Router, enabled bool) error {
	if !enabled {
		return nil
	}
	h, err := handler()
	if err != nil {
		return err
	}
	router.Handle(Path[:len(Path)-1], http.RedirectHandler(Path, http.StatusMovedPermanently))
	router.PathPrefix(Path).Handler(http.StripPrefix(Path, h))
	return nil
}

func handler() (http.Handler, error) {
	ui, err := fs.Sub(docs.SwaggerUI, "swagger-ui")
	if err != nil {
		return nil, err
	}
	assets := http.FileServer(http.FS(ui))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "", "index.html":
			serveFile(w, "index.html", "text/html; charset=utf-8")
		case DocumentFile:
			serveFile(w, DocumentFile, "application/json")
		case "swagger.yaml": // the SDK's document, not hyrad's
			http.NotFound(w, r)
		default:
			assets.ServeHTTP(w, r)
		}
	}), nil
}

func serveFile(w http.ResponseWriter, name, contentType string) {
	body, err := files.ReadFile(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	_, _ = w.Write(body)
}
