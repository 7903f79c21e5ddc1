#!/usr/bin/env bash
# Checks systemd/newswatch.service: its sandbox must keep an exposure of 1.5 or lower in
# `systemd-analyze security`, and `systemd-analyze verify` must accept it without a warning.
set -euo pipefail
cd "$(dirname "$0")/.."

unit=systemd/newswatch.service
# The most exposure allowed, in the tenths --threshold counts in: 15 is a level of 1.5.
max_exposure_tenths=15

# CI runs as root on a bare Debian image, which has no systemd.
if ! command -v systemd-analyze >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends systemd
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! systemd-analyze security --offline=true --threshold="$max_exposure_tenths" "$unit" >"$work/security" 2>&1; then
    cat "$work/security"
    echo "check-unit: $unit is more exposed than $max_exposure_tenths/10" >&2
    exit 1
fi
grep 'Overall exposure level' "$work/security"

# verify fails on an ExecStart= binary that is not installed, and /usr/bin/newswatch is not on
# a build machine. Checking a copy that runs /bin/true instead still checks every directive;
# only the binary's existence is left to the package.
sed 's|^ExecStart=/usr/bin/newswatch |ExecStart=/bin/true |' "$unit" >"$work/newswatch.service"
if ! grep -q '^ExecStart=/bin/true ' "$work/newswatch.service"; then
    echo "check-unit: $unit: ExecStart= does not start /usr/bin/newswatch" >&2
    exit 1
fi
# verify reports unknown keys and bad values as warnings with exit status 0: any output fails.
if ! systemd-analyze verify "$work/newswatch.service" >"$work/verify" 2>&1 || [[ -s "$work/verify" ]]; then
    sed "s|$work/newswatch.service|$unit|" "$work/verify" >&2
    echo "check-unit: systemd-analyze verify rejects $unit" >&2
    exit 1
fi
echo "check-unit: systemd-analyze verify: $unit OK"
