package types

import errorsmod "cosmossdk.io/errors"

// TakesTasks reports whether new tasks may be created for a version: its key
// came from a finished multi-party setup, or was uploaded where single-party
// keys are allowed.
func (s SetupStatus) TakesTasks() bool {
	return s == SETUP_STATUS_CEREMONY || s == SETUP_STATUS_SINGLE_PARTY
}

// CheckTakesTasks returns a clear error unless new tasks may be created for
// the version. x/taskpool and x/router call it before accepting a task.
func (v ModelVersion) CheckTakesTasks() error {
	switch v.SetupStatus {
	case SETUP_STATUS_CEREMONY, SETUP_STATUS_SINGLE_PARTY:
		return nil
	case SETUP_STATUS_RETIRED:
		return errorsmod.Wrapf(ErrVersionRetired, "model %d version %d was retired by governance; it takes no new tasks", v.ModelId, v.Version)
	case SETUP_STATUS_PENDING:
		return errorsmod.Wrapf(ErrSetupPending, "model %d version %d has no verifying key until its multi-party setup is finalized; it takes no tasks yet", v.ModelId, v.Version)
	default:
		return errorsmod.Wrapf(ErrSetupStatus, "model %d version %d has setup status %s", v.ModelId, v.Version, v.SetupStatus)
	}
}

// Latest returns the newest registered version of the model. State written
// before ceremonies has no latest_version: its current version is the newest.
func (m Model) Latest() uint64 {
	return max(m.LatestVersion, m.Version)
}
