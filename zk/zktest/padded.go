package zktest

import "bytes"

// Padded returns doc, a JSON artifact, with n bytes of whitespace after its opening brace: the
// same model (it parses to the same layers, so the same circuit and keys prove it) under another
// artifact hash and n bytes longer. Tests use it to register a large artifact that the bundled
// keys still prove.
func Padded(doc []byte, n int) []byte {
	out := make([]byte, 0, len(doc)+n)
	out = append(out, doc[:1]...)
	out = append(out, bytes.Repeat([]byte{' '}, n)...)
	return append(out, doc[1:]...)
}
