#!/usr/bin/env bash
# Fails when a tracked file is larger than 2 MB, unless .ci/large-files-allowed lists it: build
# outputs, keys and datasets belong outside git (a 157 MB binary was once committed by mistake).
# Sizes are those of the working tree, so a file staged but not yet committed counts too.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT=$((2 * 1024 * 1024))
ALLOWED=.ci/large-files-allowed

# The allowlist: one path pattern (bash glob, from the repository root) a line; # comments.
patterns=()
if [[ -f $ALLOWED ]]; then
  while IFS= read -r line; do
    line=${line%%#*}
    line=${line//[[:space:]]/}
    [[ -n $line ]] && patterns+=("$line")
  done < "$ALLOWED"
fi

allowed() {
  local p
  for p in "${patterns[@]}"; do
    # shellcheck disable=SC2053 # the pattern is a glob on purpose
    [[ $1 == $p ]] && return 0
  done
  return 1
}

status=0
while IFS= read -r -d '' f; do
  [[ -f $f && ! -L $f ]] || continue
  size=$(stat -c %s -- "$f")
  if ((size > LIMIT)) && ! allowed "$f"; then
    echo "tracked file over 2 MB: $f ($size bytes); keep it out of git or list it in $ALLOWED" >&2
    status=1
  fi
done < <(git ls-files -z)
exit $status
