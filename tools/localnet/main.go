// Command localnet starts, stops and shows a multi-validator hyra
// network on 127.0.0.1 (package testutil/localnet); `make localnet`, `make
// localnet-stop` and `make localnet-status` run it.
//
//	go run ./tools/localnet [-hyrad build/hyrad] [-dir build/localnet] [-validators 4] [-port-base 26600] start|stop|status
//
// start initialises the network in -dir on first use (validator homes, a
// client home with funded test-keyring accounts client, owner, worker1..3,
// the committed iris proving key laid out for workers), then starts every
// node in the background and prints how to use it. The nodes keep running
// after the command returns; their state stays in -dir across stop/start.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/zk/models"
)

func main() {
	hyrad := flag.String("hyrad", "build/hyrad", "the hyrad binary")
	dir := flag.String("dir", "build/localnet", "where the network's homes live")
	validators := flag.Int("validators", localnet.DefaultValidators, "number of validators (on first start)")
	portBase := flag.Int("port-base", 26600, "node i listens on port-base+10i .. +3: p2p, RPC, gRPC, REST (on first start)")
	chainID := flag.String("chain-id", localnet.DefaultChainID, "chain id (on first start)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/localnet [flags] start|stop|status")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	bin, err := filepath.Abs(*hyrad)
	if err == nil {
		switch flag.Arg(0) {
		case "start":
			err = start(bin, *dir, localnet.Config{Validators: *validators, BasePort: *portBase, ChainID: *chainID})
		case "stop":
			err = stop(bin, *dir)
		case "status":
			err = status(bin, *dir)
		default:
			flag.Usage()
			os.Exit(2)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "localnet:", err)
		os.Exit(1)
	}
}

// accounts are the funded client-side accounts of a new localnet.
var accounts = []string{"client", "owner", "worker1", "worker2", "worker3"}

func start(bin, dir string, cfg localnet.Config) error {
	logf := func(format string, args ...any) { fmt.Printf(format+"\n", args...) }
	net, err := localnet.Load(dir, bin)
	if errors.Is(err, fs.ErrNotExist) {
		cfg.Binary, cfg.Dir, cfg.Accounts, cfg.Logf = bin, dir, accounts, logf
		if net, err = localnet.Init(context.Background(), cfg); err != nil {
			return err
		}
		if err := writeIrisKey(dir); err != nil {
			return err
		}
	}
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	fmt.Printf("starting %d nodes...\n", len(net.Nodes))
	if err := net.Start(ctx, 2); err != nil {
		_ = net.Stop(10 * time.Second)
		return fmt.Errorf("%w (the nodes were stopped again)", err)
	}
	printUsage(net, bin, dir)
	return nil
}

// writeIrisKey lays the committed iris proving key out as workers look for
// it: DIR/zk-keys/<artifact sha256>/proving.key.
func writeIrisKey(dir string) error {
	sum := sha256.Sum256(models.IrisArtifact)
	sub := filepath.Join(dir, "zk-keys", hex.EncodeToString(sum[:]))
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(sub, "proving.key"), models.IrisProvingKey, 0o600)
}

func stop(bin, dir string) error {
	net, err := localnet.Load(dir, bin)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Printf("no localnet in %s\n", dir)
		return nil
	}
	if err != nil {
		return err
	}
	if err := net.Stop(30 * time.Second); err != nil {
		return err
	}
	fmt.Printf("localnet stopped; its state stays in %s (make localnet resumes it, make localnet-clean removes it)\n", dir)
	return nil
}

func status(bin, dir string) error {
	net, err := localnet.Load(dir, bin)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, n := range net.Nodes {
		st, err := n.Status(ctx)
		if err != nil {
			fmt.Printf("%-6s down (%s)\n", n.Name, n.RPCAddr())
			continue
		}
		fmt.Printf("%-6s height %-6d app hash %s catching up %v (%s)\n", n.Name, st.Height, st.AppHash, st.CatchingUp, n.RPCAddr())
	}
	return nil
}

func printUsage(net *localnet.Net, bin, dir string) {
	rel := func(p string) string {
		if wd, err := os.Getwd(); err == nil {
			if r, err := filepath.Rel(wd, p); err == nil && !filepath.IsAbs(r) && r[0] != '.' {
				return r
			}
		}
		return p
	}
	fmt.Printf("\nlocalnet %s: %d validators on 127.0.0.1, 1 s blocks, state in %s\n\n", net.ChainID, len(net.Nodes), rel(net.Dir))
	fmt.Printf("  %-6s %-24s %-24s %-16s %-6s %s\n", "node", "RPC", "REST", "gRPC", "P2P", "log")
	for _, n := range net.Nodes {
		fmt.Printf("  %-6s %-24s %-24s %-16s %-6d %s\n", n.Name, n.RPCAddr(), n.APIURL(), n.GRPCAddr(), n.Ports.P2P, rel(n.LogFile()))
	}
	fmt.Printf("\naccounts (test keyring in %s):\n", rel(net.ClientHome))
	for _, name := range accounts {
		if addr, ok := net.Accounts[name]; ok {
			fmt.Printf("  %-8s %s\n", name, addr)
		}
	}
	b, h := rel(bin), rel(net.ClientHome)
	fmt.Printf(`
try it (the client home sets the chain id, the test keyring and node0):
  %[1]s status --node %[3]s
  %[1]s tx modelregistry register-model iris 1000uhyra --artifact zk/models/iris/artifact.json \
      --vk zk/models/iris/verifying.key --description iris --from owner --home %[2]s -y
  %[1]s worker start --from worker1 --keys-dir %[4]s --home %[2]s        # in another terminal
  %[1]s client infer --model 1 --input 51,35,14,2 --wait --from client --home %[2]s --node %[5]s

make localnet-status shows heights and app hashes; make localnet-stop stops the nodes (state is kept:
make localnet resumes it); make localnet-clean removes %[6]s.
`, b, h, net.Nodes[0].RPCAddr(), rel(filepath.Join(dir, "zk-keys")), net.Nodes[len(net.Nodes)-1].RPCAddr(), rel(net.Dir))
}
