package ceremony

// ForgetPrepared empties the phase-2 start cache, so benchmarks time the full recomputation.
func ForgetPrepared() {
	lastPrepared.Lock()
	lastPrepared.p = nil
	lastPrepared.Unlock()
}
