package onnx

// number is what the kernels compute on: float64 for the float model, int64 for the quantized one.
type number interface{ ~int64 | ~float64 }

// conv2d computes y[o,i,j] = b[o] + sum w[o,c,u,v] * xpad[c, i*sh+u, j*sw+v] for x of shape
// [C,H,W] with zero padding pads = [top, left, bottom, right]; w is OIHW.
func conv2d[T number](x []T, in []int, w, b []T, k, st [2]int, pads [4]int) ([]T, []int) {
	c, h, wd := in[0], in[1], in[2]
	o := len(b)
	oh := (h+pads[0]+pads[2]-k[0])/st[0] + 1
	ow := (wd+pads[1]+pads[3]-k[1])/st[1] + 1
	y := make([]T, o*oh*ow)
	for oc := 0; oc < o; oc++ {
		for i := 0; i < oh; i++ {
			for j := 0; j < ow; j++ {
				acc := b[oc]
				for ic := 0; ic < c; ic++ {
					for u := 0; u < k[0]; u++ {
						r := i*st[0] + u - pads[0]
						if r < 0 || r >= h {
							continue
						}
						wrow := w[((oc*c+ic)*k[0]+u)*k[1]:]
						xrow := x[(ic*h+r)*wd:]
						for v := 0; v < k[1]; v++ {
							col := j*st[1] + v - pads[1]
							if col >= 0 && col < wd {
								acc += wrow[v] * xrow[col]
							}
						}
					}
				}
				y[(oc*oh+i)*ow+j] = acc
			}
		}
	}
	return y, []int{o, oh, ow}
}

// dense computes y[j] = b[j] + sum_i w[j*In+i] * x[i] for x read flat.
func dense[T number](x, w, b []T) []T {
	y := make([]T, len(b))
	for j := range y {
		acc := b[j]
		row := w[j*len(x) : (j+1)*len(x)]
		for i, xi := range x {
			acc += row[i] * xi
		}
		y[j] = acc
	}
	return y
}

// pool2d computes the max (isMax) or the sum over each window, no padding, floor mode.
func pool2d[T number](x []T, in []int, k, st [2]int, isMax bool) ([]T, []int) {
	c, h, w := in[0], in[1], in[2]
	oh, ow := (h-k[0])/st[0]+1, (w-k[1])/st[1]+1
	y := make([]T, c*oh*ow)
	for ch := 0; ch < c; ch++ {
		for i := 0; i < oh; i++ {
			for j := 0; j < ow; j++ {
				first := true
				var acc T
				for u := 0; u < k[0]; u++ {
					for v := 0; v < k[1]; v++ {
						e := x[(ch*h+i*st[0]+u)*w+j*st[1]+v]
						switch {
						case first:
							acc, first = e, false
						case isMax:
							acc = max(acc, e)
						default:
							acc += e
						}
					}
				}
				y[(ch*oh+i)*ow+j] = acc
			}
		}
	}
	return y, []int{c, oh, ow}
}

func relu[T number](x []T) []T {
	y := make([]T, len(x))
	for i, v := range x {
		y[i] = max(v, 0)
	}
	return y
}
