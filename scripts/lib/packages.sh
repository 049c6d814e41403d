# Sourced by ./edgeledger: makes sure the Debian packages the stack needs are installed.

el_ensure_packages() { # PACKAGE...
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "edgeledger: installing ${missing[*]} (apt-get)..." >&2
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2 || {
            echo "edgeledger: apt-get could not install ${missing[*]}" >&2; return 1; }
    else
        echo "edgeledger: missing Debian packages: ${missing[*]}" >&2
        echo "  run: sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
}
