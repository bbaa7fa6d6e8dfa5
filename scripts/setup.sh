#!/usr/bin/env bash
# Installs what the tests and generators need beyond Go and make, so that `make setup` then
# `make test` works on a fresh Debian machine, and .ci/run does the same:
#   Node.js and npm (the TypeScript client's tests, the dashboard's build), Chromium (the
#   dashboard's browser test), protoc (make proto-gen), then the npm packages of ts/ and
#   dashboard/ from their package-lock.json files. Go tools install themselves when a target
#   needs them (make lint, make proto-gen).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v npm >/dev/null || missing+=(nodejs npm)
command -v chromium >/dev/null || missing+=(chromium)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "installing Debian packages: ${missing[*]}"
	$sudo apt-get update
	$sudo apt-get install -y "${missing[@]}"
fi
node --version

# The dashboard's sources import ts/'s, so both folders need their packages.
for dir in ts dashboard; do
	(cd "$dir" && npm ci --no-audit --no-fund)
done
