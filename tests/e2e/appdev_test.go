package e2e_test

import "testing"

// TestApplicationDeveloperSurface checks, on one running chain, what an
// application developer builds on: the API document and the REST routes it
// lists, with their filters.
func TestApplicationDeveloperSurface(t *testing.T) {
	c := newAppChain(t)
	t.Run("served API document", func(t *testing.T) { checkServedDocument(t, c) })
	t.Run("REST status filters by name", func(t *testing.T) { checkRESTStatusFilters(t, c) })
}
