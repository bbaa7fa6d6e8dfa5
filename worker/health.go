package worker

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// health is what /healthz tells: whether the daemon's last exchange with the
// node succeeded, and the last step it completed. The work loop writes it;
// the HTTP server reads it.
type health struct {
	mu        sync.Mutex
	connected bool
	step      string
	stepAt    time.Time
	lastError string
}

// Steps of /healthz's last_step.
const (
	stepPrepared  = "prepared"  // registered and bonded
	stepPolled    = "polled"    // looked for work and found none
	stepClaimed   = "claimed"   // claimed a task
	stepProved    = "proved"    // proved a claimed task
	stepSubmitted = "submitted" // a result was verified and paid
	stepReleased  = "released"  // gave back a task it cannot finish
	// stepRejectedInput: refused a private task's posted input.
	stepRejectedInput = "rejected_input"
)

// done records a completed step: the node answered.
func (h *health) done(step string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.connected, h.step, h.stepAt, h.lastError = true, step, time.Now(), ""
}

// failed records that talking to the node failed.
func (h *health) failed(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.connected, h.lastError = false, err.Error()
}

// healthReport is /healthz's body.
type healthReport struct {
	Connected  bool   `json:"connected"`
	LastStep   string `json:"last_step,omitempty"`
	LastStepAt string `json:"last_step_at,omitempty"`
	LastError  string `json:"last_error,omitempty"`
}

// ServeHTTP answers /healthz: 200 while the daemon is connected, 503 before
// its first successful step and while the node cannot be reached.
func (h *health) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h.mu.Lock()
	r := healthReport{Connected: h.connected, LastStep: h.step, LastError: h.lastError}
	if !h.stepAt.IsZero() {
		r.LastStepAt = h.stepAt.UTC().Format(time.RFC3339)
	}
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if !r.Connected {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	_ = json.NewEncoder(w).Encode(r)
}
