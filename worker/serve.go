package worker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// serveMetrics serves /metrics and /healthz on cfg.MetricsAddr until ctx
// ends. It listens before returning, so that a bad or busy address stops the
// daemon at once with the reason.
func (w *Worker) serveMetrics(ctx context.Context) error {
	l, err := net.Listen("tcp", w.cfg.MetricsAddr)
	if err != nil {
		return fmt.Errorf("--metrics-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(w.metrics.registry, promhttp.HandlerOpts{}))
	mux.Handle("/healthz", &w.health)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { //nolint:gosec // G118: ctx is done by then; the shutdown gets its own few seconds
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			w.log.Error("metrics server stopped", "err", err)
		}
	}()
	w.log.Info("serving metrics and health", "metrics", "http://"+l.Addr().String()+"/metrics", "healthz", "http://"+l.Addr().String()+"/healthz")
	return nil
}
