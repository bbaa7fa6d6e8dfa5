package ceremony

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/verifier"
)

// Setup is what beginning a model version's phase 2 produces: everything the chain records
// when the setup starts, and the initial state file contributors start from.
type Setup struct {
	State            []byte // initial phase-2 state (file 000-initial.bin)
	InitialStateHash []byte // sha256 of State: the first contribution's challenge
	VKK              []byte // the verifying key's K points (verifier.SetupVKKSize bytes)
	ArtifactHash     []byte
	Phase1Hash       []byte // of the full sealed commons given to Begin
	Constraints      int
	DomainSize       uint64 // the circuit's domain: phase 1 truncated to this size
}

// prepared is a phase 2's deterministic start, recomputed by everyone from the artifact and
// phase 1: the circuit, the truncated commons (only what Seal reads, when phase 1's Lagrange
// form came from the cache: readStart), gnark's evaluations and the initial state.
type prepared struct {
	setup   Setup
	r1cs    *cs.R1CS
	commons *mpcsetup.SrsCommons
	evals   mpcsetup.Phase2Evaluations
	anchor  verifier.SetupAnchor
}

// Begin compiles the artifact (anything artifact.Parse accepts) and initializes its phase 2 from
// the sealed phase-1 commons, truncated to the circuit's domain. Deterministic: every
// contributor and verifier recomputes the same initial state and K points.
func Begin(artifactBytes, phase1 []byte) (*Setup, error) {
	p, err := preparedFor(artifactBytes, phase1)
	if err != nil {
		return nil, err
	}
	return p.setup.clone(), nil
}

func prepare(artifactBytes, phase1 []byte) (*prepared, error) {
	a, err := artifact.Parse(artifactBytes)
	if err != nil {
		return nil, err
	}
	ccs, err := circuit.Compile(a)
	if err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	p, err := prepareCircuit(ccs, phase1)
	if err != nil {
		return nil, err
	}
	p.setup.ArtifactHash = artifact.Hash(artifactBytes)
	return p, nil
}

// prepareCircuit initializes the phase 2 of a compiled circuit. It refuses circuits with BSB22
// commitments (their keys carry extra points the chain's key format and checks do not cover;
// our circuits have none) and circuits whose public inputs are not the chain's three.
func prepareCircuit(ccs constraint.ConstraintSystem, phase1 []byte) (*prepared, error) {
	r1cs, ok := ccs.(*cs.R1CS)
	if !ok {
		return nil, fmt.Errorf("compile: %T is not a BN254 R1CS", ccs)
	}
	if c, ok := r1cs.CommitmentInfo.(constraint.Groth16Commitments); !ok || len(c) != 0 {
		return nil, ErrCommitments
	}
	if r1cs.GetNbPublicVariables() != verifier.SetupVKKSize/g1Size {
		return nil, fmt.Errorf("circuit has %d public wires, the chain's key format has %d", r1cs.GetNbPublicVariables(), verifier.SetupVKKSize/g1Size)
	}
	n := max(ecc.NextPowerOfTwo(uint64(r1cs.GetNbConstraints())), 2) //nolint:gosec // G115: a constraint count is non-negative
	phase1Hash := Phase1Hash(phase1)
	l, tau, commons, err := readStart(phase1, phase1Hash, n)
	if err != nil {
		return nil, err
	}
	p := &prepared{r1cs: r1cs, commons: commons, anchor: anchorOf(commons)}
	state, evals, err := initializeFrom(r1cs, l, tau)
	if err != nil {
		return nil, err
	}
	p.evals = *evals
	if p.setup.State, err = encode(state); err != nil {
		return nil, err
	}
	for _, k := range p.evals.G1.VKK {
		b := k.Bytes()
		p.setup.VKK = append(p.setup.VKK, b[:]...)
	}
	p.setup.InitialStateHash = fileHash(p.setup.State)
	p.setup.Phase1Hash = phase1Hash
	p.setup.Constraints = r1cs.GetNbConstraints()
	p.setup.DomainSize = uint64(len(commons.G1.AlphaTau))
	return p, nil
}

// Contribute draws a fresh delta from crypto/rand, applies it to the phase-2 state file and
// returns the next state file with the record to submit on chain. The secret is dropped when it
// returns. Contribute trusts state: verify the transcript up to it first (Verify), as
// `hyrad zk ceremony contribute` does, so the contribution is to the registered artifact's
// circuit.
func Contribute(state []byte) ([]byte, verifier.SetupContribution, error) {
	p, err := readState(state)
	if err != nil {
		return nil, verifier.SetupContribution{}, err
	}
	prevHash := fileHash(state) // readState checked the encoding is canonical: this is p's hash
	contributePhase2(p, prevHash)
	next, err := encode(p)
	if err != nil {
		return nil, verifier.SetupContribution{}, err
	}
	rec, err := recordOf(p, next)
	if err != nil {
		return nil, verifier.SetupContribution{}, err
	}
	rememberStep(prevHash, rec, p)
	return next, rec, nil
}

// Record returns the on-chain record of a contributed state file: its hash, its delta and the
// proof of knowledge of the contribution that led to it.
func Record(state []byte) (verifier.SetupContribution, error) {
	p, err := readState(state)
	if err != nil {
		return verifier.SetupContribution{}, err
	}
	return recordOf(p, state)
}

func recordOf(p *mpcsetup.Phase2, state []byte) (verifier.SetupContribution, error) {
	proof, err := encode(&p.Delta)
	if err != nil {
		return verifier.SetupContribution{}, err
	}
	d1, d2 := p.Parameters.G1.Delta.Bytes(), p.Parameters.G2.Delta.Bytes()
	return verifier.SetupContribution{StateHash: fileHash(state), DeltaG1: d1[:], DeltaG2: d2[:], Proof: proof}, nil
}

func readState(b []byte) (*mpcsetup.Phase2, error) {
	if _, _, err := checkStateLayout(b); err != nil {
		return nil, err
	}
	p := new(mpcsetup.Phase2)
	if err := decode(p, b); err != nil {
		return nil, err
	}
	return p, nil
}
