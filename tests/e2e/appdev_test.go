package e2e_test

import "testing"

// TestApplicationDeveloperSurface checks, on one running chain, what an
// application developer builds on: the API document and the REST routes it
// lists, with their filters, the CLI's client commands, and the wallet and
// registry files in chain/.
func TestApplicationDeveloperSurface(t *testing.T) {
	c := newAppChain(t)
	t.Run("served API document", func(t *testing.T) { checkServedDocument(t, c) })
	t.Run("REST status filters by name", func(t *testing.T) { checkRESTStatusFilters(t, c) })
	t.Run("client result", func(t *testing.T) { checkClientResult(t, c) })
	t.Run("client tasks and cancel", func(t *testing.T) { checkClientTasksAndCancel(t, c) })
	t.Run("REST task inputs decoded", func(t *testing.T) { checkRESTDecodedInputs(t, c) })
	t.Run("node hint", func(t *testing.T) { checkNodeHint(t, c) })
	t.Run("version", func(t *testing.T) { checkVersion(t, c) })
	t.Run("wallet and registry files", func(t *testing.T) { checkWalletFiles(t, c) })
}
