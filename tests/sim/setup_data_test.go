package sim

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/big"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	cryptompc "github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"

	"github.com/cosmos/cosmos-sdk/types/module"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/verifier"
)

// The simulation's multi-party setups are of the iris model (the smallest bundled circuit:
// 623 constraints, a 1024-point domain) on the insecure test phase 1, whose anchor the
// genesis carries. Its start is computed once per test binary; every state file a simulated
// contribution makes is kept by its hash, so a later contribution continues the chain the
// chain recorded (Setup.LastStateHash), whichever run or block made it.
type setupData struct {
	phase1 []byte
	anchor verifier.SetupAnchor
	start  *ceremony.Setup

	mu     sync.Mutex
	states map[[sha256.Size]byte][]byte
}

var simSetup = sync.OnceValue(func() *setupData {
	phase1, err := ceremony.InsecureTestPhase1(1 << 10)
	if err != nil {
		panic(err)
	}
	anchor, err := ceremony.Anchor(phase1)
	if err != nil {
		panic(err)
	}
	start, err := ceremony.Begin(models.IrisArtifact, phase1)
	if err != nil {
		panic(err)
	}
	d := &setupData{phase1: phase1, anchor: anchor, start: start, states: map[[sha256.Size]byte][]byte{}}
	d.keep(start.State)
	return d
})

func (d *setupData) keep(state []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.states[sha256.Sum256(state)] = state
}

// state is the kept state file with this hash, or nil.
func (d *setupData) state(hash []byte) []byte {
	if len(hash) != sha256.Size {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.states[[sha256.Size]byte(hash)]
}

// anchored reports whether params hold the simulation's phase 1 (a governance proposal may
// have replaced them).
func (d *setupData) anchored(p mrtypes.Params) bool {
	return bytes.Equal(p.Phase1Hash, ceremony.Phase1Hash(d.phase1)) && bytes.Equal(p.SetupAnchor.Alpha1, d.anchor.Alpha1) &&
		bytes.Equal(p.SetupAnchor.Beta1, d.anchor.Beta1) && bytes.Equal(p.SetupAnchor.Beta2, d.anchor.Beta2)
}

// setGenesisPhase1 puts the simulation's phase 1 into x/modelregistry's random genesis, as a
// network's genesis carries its sealed phase 1's hash and anchor.
func setGenesisPhase1(s *module.SimulationState) {
	d := simSetup()
	var gs mrtypes.GenesisState
	s.Cdc.MustUnmarshalJSON(s.GenState[mrtypes.ModuleName], &gs)
	gs.Params.Phase1Hash = ceremony.Phase1Hash(d.phase1)
	gs.Params.SetupAnchor = mrtypes.SetupAnchor{Alpha1: d.anchor.Alpha1, Beta1: d.anchor.Beta1, Beta2: d.anchor.Beta2}
	s.GenState[mrtypes.ModuleName] = s.Cdc.MustMarshalJSON(&gs)
}

// contribute is a real phase-2 contribution to state (gnark's Phase2.Contribute: delta times x,
// Z and PKK times 1/x, the proof of knowledge of x for the state's hash), with x from the
// simulation's seed instead of crypto/rand, so that a seed replays the same transcript. It
// keeps the new state file and returns its on-chain record.
func (d *setupData) contribute(state []byte, x fr.Element) (verifier.SetupContribution, error) {
	if x.IsZero() {
		x.SetOne()
	}
	p := new(mpcsetup.Phase2)
	if _, err := p.ReadFrom(bytes.NewReader(state)); err != nil {
		return verifier.SetupContribution{}, fmt.Errorf("state: %w", err)
	}
	challenge := sha256.Sum256(state)
	p.Challenge = challenge[:]
	p.Delta = cryptompc.UpdateValues(&x, p.Challenge, mpcsetup.DST_DELTA)
	var f, inv big.Int
	x.BigInt(&f)
	p.Parameters.G1.Delta.ScalarMultiplication(&p.Parameters.G1.Delta, &f)
	p.Parameters.G2.Delta.ScalarMultiplication(&p.Parameters.G2.Delta, &f)
	var xInv fr.Element
	xInv.Inverse(&x)
	xInv.BigInt(&inv)
	for _, points := range [][]curve.G1Affine{p.Parameters.G1.Z, p.Parameters.G1.PKK} {
		for i := range points {
			points[i].ScalarMultiplication(&points[i], &inv)
		}
	}
	var next bytes.Buffer
	if _, err := p.WriteTo(&next); err != nil {
		return verifier.SetupContribution{}, err
	}
	rec, err := ceremony.Record(next.Bytes())
	if err != nil {
		return verifier.SetupContribution{}, err
	}
	d.keep(next.Bytes())
	return rec, nil
}

// frFromBytes is b (big endian) reduced modulo the scalar field's order.
func frFromBytes(b []byte) fr.Element {
	var e fr.Element
	e.SetBytes(b)
	return e
}
