package types

// WithInputVector returns t with InputVector set to its input decoded with
// its input_encoding, for a query response: readers get the vector without
// decoding zk/vector bytes themselves. An input that does not decode (none
// passes submission) leaves it empty rather than failing the query.
func (t Task) WithInputVector() Task {
	if v, err := t.DecodedInput(); err == nil {
		t.InputVector = v
	}
	return t
}

// WithInputVectors is WithInputVector for each task of a page.
func WithInputVectors(tasks []Task) []Task {
	for i := range tasks {
		tasks[i] = tasks[i].WithInputVector()
	}
	return tasks
}
