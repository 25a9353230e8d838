#!/bin/sh
# The ids scaling curve (issue #17); see bench/run-scale.sh and docs/performance.md.
exec "$(dirname "$0")/run-scale.sh" ids "$@"
