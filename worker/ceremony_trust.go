package worker

import (
	"fmt"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

// KeyTrust says in one line who set up a version's key, and so who could forge proofs for it:
// the client prints it with every verified result and the worker logs it when it starts
// serving a version.
func KeyTrust(v modeltypes.ModelVersion) string {
	switch v.SetupStatus {
	case modeltypes.SETUP_STATUS_CEREMONY:
		return fmt.Sprintf("multi-party setup by %d parties, %d of them independent of the owner: forging a proof needs every one of them to have leaked its secret",
			v.SetupContributors, v.SetupIndependent)
	case modeltypes.SETUP_STATUS_SINGLE_PARTY:
		return "SINGLE-PARTY key uploaded by the owner: whoever ran its setup can forge proofs of any output"
	case modeltypes.SETUP_STATUS_RETIRED:
		return fmt.Sprintf("RETIRED by governance (no new tasks); its key was set up by %d parties, %d independent", v.SetupContributors, v.SetupIndependent)
	case modeltypes.SETUP_STATUS_PENDING:
		return "PENDING: its key setup has not finished; it takes no tasks"
	}
	return v.SetupStatus.String()
}
