package commit

import "github.com/consensys/gnark-crypto/ecc/bn254/fr"

// NbPublic is the number of public inputs of every Hyra inference circuit.
const NbPublic = 3

// PublicInputs returns the circuit's public inputs in their order in the public witness:
// [Binding(chainID, taskID, worker), input, Output(output)]. The input commitment is taken as
// computed (InputScheme.Commit of the task input): the chain computes it once, when the task is
// submitted, and stores it with the task.
func PublicInputs(chainID string, taskID uint64, worker []byte, input fr.Element, output []int64) ([NbPublic]fr.Element, error) {
	var pub [NbPublic]fr.Element
	var err error
	if pub[0], err = Binding(chainID, taskID, worker); err != nil {
		return pub, err
	}
	pub[1] = input
	if pub[2], err = Output(output); err != nil {
		return pub, err
	}
	return pub, nil
}
