package main

import (
	"testing"
	"time"
)

// TestCommittedRate checks the committed rate of a load: blocks that drain
// what was left after the offer ended do not count, nor does the first
// block (it holds less than an interval of the load), so a chain that kept
// up reads as the offered rate and a saturated one as what it committed.
func TestCommittedRate(t *testing.T) {
	t0 := time.Unix(1000, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	keptUp := []sampleBlock{{at(300), 30}, {at(800), 50}, {at(1300), 50}, {at(1800), 50}, {at(2300), 20}}
	if got := committedRate(keptUp, at(2000)); got != 100 {
		t.Fatalf("kept up at 100/s: got %.1f/s", got)
	}
	saturated := []sampleBlock{{at(500), 40}, {at(1000), 80}, {at(1500), 80}, {at(2000), 80}, {at(2500), 80}, {at(3000), 60}}
	if got := committedRate(saturated, at(2000)); got != 160 {
		t.Fatalf("saturated at 160/s: got %.1f/s", got)
	}
	short := []sampleBlock{{at(500), 40}, {at(1000), 30}}
	if got := committedRate(short, at(600)); got != 60 {
		t.Fatalf("a step shorter than two blocks counts them all: got %.1f/s", got)
	}
	if got := committedRate(short[:1], at(600)); got != 0 {
		t.Fatalf("one block gives no rate: got %.1f/s", got)
	}
}
