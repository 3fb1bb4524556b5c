#!/bin/bash
# The whole test suite, real-server tests included: installs the test
# dependencies, builds, and runs ctest. Must run as root (the test servers drop
# privileges to the system 'mail' user). Usage: sudo tests/run.sh [ctest args…]
set -euo pipefail
cd "$(dirname "$0")/.."

installer/install-deps.sh --test
cmake --preset default
cmake --build --preset default
# Unit/wire/ui tests run in parallel; integration tests share one server stack
# (ctest fixture "servers": started once, stopped by PID at the end).
ctest --preset default -j2 "$@"
