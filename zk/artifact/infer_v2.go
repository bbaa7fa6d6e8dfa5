package artifact

// inferV2 runs the ops on a validated input with int64 arithmetic; analyzeV2 guarantees that no
// value overflows. requant is an arithmetic shift of x * multiplier, which is floor division for
// negative values too, as the circuit's bit decomposition computes it.
func (a *Artifact) inferV2(x []int64) []int64 {
	var taps []Tap
	var win []int
	for i := range a.Ops {
		op := &a.Ops[i]
		y := make([]int64, op.OutShape.Size())
		for j := range y {
			switch op.Kind {
			case OpConv2D, OpDense, OpSumPool:
				var acc int64
				acc, taps = op.Linear(j, taps[:0])
				for _, t := range taps {
					acc += t.W * x[t.X]
				}
				y[j] = acc
			case OpMaxPool:
				win = op.Window(j, win[:0])
				y[j] = x[win[0]]
				for _, k := range win[1:] {
					y[j] = max(y[j], x[k])
				}
			case OpRequant:
				y[j] = x[j] * op.Multiplier >> op.Shift
			case OpReLU:
				y[j] = max(x[j], 0)
			default: // flatten
				y[j] = x[j]
			}
		}
		x = y
	}
	return x
}
