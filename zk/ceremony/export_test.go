package ceremony

// ForgetPrepared empties the phase-2 start cache and the verified contributions, so benchmarks
// time the full recomputation.
func ForgetPrepared() {
	recentPrepared.Lock()
	recentPrepared.entries = nil
	recentPrepared.Unlock()
	forgetVerified()
}
