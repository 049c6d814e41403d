#!/bin/sh
# EdgeLedger edge probe: one-line install (Debian 12, Ubuntu 22.04 / 24.04), served as a static file.
#
#   curl -fsSL https://HOST/install.sh | sudo EDGELEDGER_API=https://api.example.com \
#       EDGELEDGER_ENROLL_TOKEN=elt_... EDGELEDGER_PACKAGE=https://HOST/edge-probe_VERSION_amd64.deb sh
#
# EDGELEDGER_PACKAGE   the .deb: an https:// URL or a local file (required)
# EDGELEDGER_API       the API the probe enrolls with and reports to (https://; http:// only to loopback)
# EDGELEDGER_ENROLL_TOKEN  a single-use enrollment token (POST /v1/enrollment-tokens); not needed when the
#                      host is already enrolled
# EDGELEDGER_PROBE_NAME, EDGELEDGER_TAGS (k:v,k:v)   optional, passed to 'edge-probe enroll'
#
# Idempotent: a second run installs the given package (an upgrade) and keeps the enrollment and the config.
# The token is handed to 'edge-probe enroll' through its environment, never on a command line.
set -eu

say() { printf 'edge-probe install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (e.g. '... | sudo EDGELEDGER_API=... sh')"
[ -n "${EDGELEDGER_PACKAGE:-}" ] || die "set EDGELEDGER_PACKAGE to the .deb's https:// URL or a local path"

# Distribution: Debian and Ubuntu (and their derivatives) with dpkg.
[ -r /etc/os-release ] || die "cannot tell the distribution (/etc/os-release is missing)"
. /etc/os-release
case " ${ID:-} ${ID_LIKE:-} " in
    *" debian "*|*" ubuntu "*) ;;
    *) die "${PRETTY_NAME:-this system} is not supported by the .deb; use the .tar.gz (docs/install-probe.md)" ;;
esac
command -v dpkg >/dev/null || die "dpkg not found"
arch=$(dpkg --print-architecture)
say "${PRETTY_NAME:-$ID} ($arch)"

# The package: downloaded over https, or a local file.
work=$(mktemp -d /tmp/edge-probe-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
case "$EDGELEDGER_PACKAGE" in
    https://*)
        command -v curl >/dev/null || die "curl is needed to download $EDGELEDGER_PACKAGE"
        say "downloading $EDGELEDGER_PACKAGE"
        curl -fsSL --proto '=https' -o "$work/edge-probe.deb" "$EDGELEDGER_PACKAGE" || die "download failed"
        deb=$work/edge-probe.deb ;;
    http://*) die "EDGELEDGER_PACKAGE must be an https:// URL or a local file" ;;
    *)
        [ -f "$EDGELEDGER_PACKAGE" ] || die "no such file: $EDGELEDGER_PACKAGE"
        cp "$EDGELEDGER_PACKAGE" "$work/edge-probe.deb"
        deb=$work/edge-probe.deb ;;
esac
pkg_arch=$(dpkg-deb -f "$deb" Architecture) || die "$EDGELEDGER_PACKAGE is not a Debian package"
[ "$pkg_arch" = "$arch" ] || die "the package is for $pkg_arch, this host is $arch"
say "installing edge-probe $(dpkg-deb -f "$deb" Version)"

# apt resolves libpcap; the customer's config files are kept on upgrade (confold), new defaults taken
# where the customer did not edit (confdef).
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$deb" >&2; then
    say "apt-get could not install it; trying dpkg"
    dpkg -i --force-confdef --force-confold "$deb" >&2 || die "dpkg -i failed (missing libpcap0.8? apt-get install libpcap0.8)"
fi

# Enrollment: once. An enrolled host (secret + probe id) keeps its identity on every later run.
if [ -s /etc/edge-probe/secret ] && grep -q '^probe_id:' /etc/edge-probe/enrollment.yaml 2>/dev/null; then
    say "already enrolled as $(sed -n 's/^probe_id: *//p' /etc/edge-probe/enrollment.yaml); keeping it"
    if [ -d /run/systemd/system ]; then systemctl restart edge-probe.service || true; fi
else
    [ -n "${EDGELEDGER_API:-}" ] || die "set EDGELEDGER_API (the EdgeLedger API URL) to enroll"
    [ -n "${EDGELEDGER_ENROLL_TOKEN:-}" ] || die "set EDGELEDGER_ENROLL_TOKEN (create one: POST /v1/enrollment-tokens)"
    set -- --api "$EDGELEDGER_API"
    [ -n "${EDGELEDGER_PROBE_NAME:-}" ] && set -- "$@" --name "$EDGELEDGER_PROBE_NAME"
    old_ifs=$IFS; IFS=,
    for tag in ${EDGELEDGER_TAGS:-}; do [ -n "$tag" ] && set -- "$@" --tag "$tag"; done
    IFS=$old_ifs
    export EDGELEDGER_ENROLL_TOKEN
    /usr/bin/edge-probe enroll "$@" || die "enrollment failed (see above); the package stays installed, run install.sh again with a new token"
fi

if [ -d /run/systemd/system ]; then
    sleep 2
    /usr/bin/edge-probe status || say "the daemon is not answering yet: systemctl status edge-probe; journalctl -u edge-probe"
else
    say "systemd is not running here: start the daemon with your init system (as user edge-probe, with CAP_NET_RAW):"
    say "  /opt/edge-probe/bin/edge-probe run --config /etc/edge-probe"
    /usr/bin/edge-probe status 2>&1 || true
fi
