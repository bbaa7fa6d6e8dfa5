package types

// Routable reports whether x/router may route tasks to the pool: it is
// active and open to every worker, whatever its reputation (a worker's
// reputation can fall to zero), so that any worker able to claim at all can
// claim a routed task. A pool that asks for more reputation serves only the
// clients who submit to it by name: its minimum may be one no worker reaches.
func (p Pool) Routable() bool {
	return p.Active && p.MinReputation <= 0
}
