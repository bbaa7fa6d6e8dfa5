// Package testutil runs real multi-party setups of a model version's keys for
// tests, with gnark's groth16/bn254/mpcsetup: a small phase 1 (one
// contribution, sealed by a fixed beacon) and a phase 2 whose contributions
// are turned into the messages the chain records. It is for tests only: its
// phase 1 has a single contributor (this process).
package testutil

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
)

// Ceremony is one phase 2 of an artifact's circuit, in progress.
type Ceremony struct {
	// Anchor is the phase-1 anchor to put in params.setup_anchor.
	Anchor types.SetupAnchor
	// InitialStateHash, VkK and Constraints are what MsgBeginSetup proposes.
	InitialStateHash []byte
	VkK              []byte
	Constraints      uint64

	r1cs    *cs.R1CS
	commons mpcsetup.SrsCommons
	current *mpcsetup.Phase2
	// states are the serialized states after each contribution, in order.
	states [][]byte
}

// phase1 is a compiled circuit and a test phase 1 sized for it, made once
// per artifact and test binary (a phase 1 takes seconds; a network has one).
type phase1 struct {
	r1cs    *cs.R1CS
	commons mpcsetup.SrsCommons
	// initial is the serialized phase-2 state right after initialization,
	// and vkK its K points: the same for every ceremony of the circuit.
	initial []byte
	vkK     []byte
}

var (
	phase1Mu    sync.Mutex
	phase1Cache = map[[32]byte]*phase1{}
)

func phase1For(artifactBytes []byte) (*phase1, error) {
	phase1Mu.Lock()
	defer phase1Mu.Unlock()
	key := sha256.Sum256(artifactBytes)
	if p, ok := phase1Cache[key]; ok {
		return p, nil
	}
	a, err := artifact.Parse(artifactBytes)
	if err != nil {
		return nil, err
	}
	ccs, err := circuit.Compile(a)
	if err != nil {
		return nil, err
	}
	r1cs, ok := ccs.(*cs.R1CS)
	if !ok {
		return nil, fmt.Errorf("circuit is a %T, not a BN254 R1CS", ccs)
	}
	n := ecc.NextPowerOfTwo(uint64(r1cs.GetNbConstraints()))
	p1 := mpcsetup.NewPhase1(n)
	p1.Contribute()
	commons, err := mpcsetup.VerifyPhase1(n, []byte("hyra test phase 1 beacon"), p1)
	if err != nil {
		return nil, err
	}
	p := &phase1{r1cs: r1cs, commons: commons}
	var state mpcsetup.Phase2
	evals := state.Initialize(r1cs, &commons)
	for _, k := range evals.G1.VKK {
		b := k.Bytes()
		p.vkK = append(p.vkK, b[:]...)
	}
	var buf bytes.Buffer
	if _, err := state.WriteTo(&buf); err != nil {
		return nil, err
	}
	p.initial = buf.Bytes()
	phase1Cache[key] = p
	return p, nil
}

// NewCeremony compiles the artifact, runs a test phase 1 sized for its
// circuit (once per artifact and test binary) and initializes a new phase 2.
func NewCeremony(artifactBytes []byte) (*Ceremony, error) {
	p1, err := phase1For(artifactBytes)
	if err != nil {
		return nil, err
	}
	c := &Ceremony{
		r1cs: p1.r1cs, commons: p1.commons, current: new(mpcsetup.Phase2), VkK: p1.vkK,
		Constraints: uint64(p1.r1cs.GetNbConstraints()),
	}
	if _, err := c.current.ReadFrom(bytes.NewReader(p1.initial)); err != nil {
		return nil, err
	}
	alpha, beta1, beta2 := c.commons.G1.AlphaTau[0].Bytes(), c.commons.G1.BetaTau[0].Bytes(), c.commons.G2.Beta.Bytes()
	c.Anchor = types.SetupAnchor{Alpha1: alpha[:], Beta1: beta1[:], Beta2: beta2[:]}
	c.InitialStateHash = stateHash(c.current)
	return c, nil
}

// BeginMsg is the owner's MsgBeginSetup of this ceremony.
func (c *Ceremony) BeginMsg(owner string, modelID, version uint64) *types.MsgBeginSetup {
	return &types.MsgBeginSetup{
		Owner: owner, ModelId: modelID, Version: version,
		InitialStateHash: c.InitialStateHash, VkK: c.VkK, Constraints: c.Constraints,
	}
}

// Contribute makes the next contribution (a fresh random secret) and returns
// the message recording it.
func (c *Ceremony) Contribute(contributor string, modelID, version uint64) (*types.MsgContributeSetup, error) {
	next, err := clone(c.current)
	if err != nil {
		return nil, err
	}
	next.Contribute()
	msg, err := contributionMsg(next, contributor, modelID, version)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := next.WriteTo(&buf); err != nil {
		return nil, err
	}
	c.current, c.states = next, append(c.states, buf.Bytes())
	return msg, nil
}

// ContributeAside makes a contribution on the current state without
// recording it, as a contributor racing another would.
func (c *Ceremony) ContributeAside(contributor string, modelID, version uint64) (*types.MsgContributeSetup, error) {
	next, err := clone(c.current)
	if err != nil {
		return nil, err
	}
	next.Contribute()
	return contributionMsg(next, contributor, modelID, version)
}

// Keys verifies the whole transcript with gnark's VerifyPhase2 and seals it
// with the beacon, returning the proving key (raw) and the verifying key
// (compressed, the chain's format).
func (c *Ceremony) Keys(beacon []byte) (provingKey, verifyingKey []byte, err error) {
	contribs := make([]*mpcsetup.Phase2, len(c.states))
	for i, s := range c.states {
		contribs[i] = new(mpcsetup.Phase2)
		if _, err := contribs[i].ReadFrom(bytes.NewReader(s)); err != nil {
			return nil, nil, err
		}
	}
	pk, vk, err := mpcsetup.VerifyPhase2(c.r1cs, &c.commons, beacon, contribs...)
	if err != nil {
		return nil, nil, err
	}
	var pkBuf, vkBuf bytes.Buffer
	if _, err := pk.WriteRawTo(&pkBuf); err != nil {
		return nil, nil, err
	}
	if _, err := vk.WriteTo(&vkBuf); err != nil {
		return nil, nil, err
	}
	return pkBuf.Bytes(), vkBuf.Bytes(), nil
}

func contributionMsg(p *mpcsetup.Phase2, contributor string, modelID, version uint64) (*types.MsgContributeSetup, error) {
	var proof bytes.Buffer
	if _, err := p.Delta.WriteTo(&proof); err != nil {
		return nil, err
	}
	g1, g2 := p.Parameters.G1.Delta.Bytes(), p.Parameters.G2.Delta.Bytes()
	return &types.MsgContributeSetup{
		Contributor: contributor, ModelId: modelID, Version: version,
		StateHash: stateHash(p), DeltaG1: g1[:], DeltaG2: g2[:], Proof: proof.Bytes(),
	}, nil
}

// stateHash is gnark's Phase2 hash: sha256 of the serialized state.
func stateHash(p *mpcsetup.Phase2) []byte {
	h := sha256.New()
	if _, err := p.WriteTo(h); err != nil {
		panic(err) // writing to a hash cannot fail
	}
	return h.Sum(nil)
}

func clone(p *mpcsetup.Phase2) (*mpcsetup.Phase2, error) {
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		return nil, err
	}
	c := new(mpcsetup.Phase2)
	_, err := c.ReadFrom(&buf)
	return c, err
}
