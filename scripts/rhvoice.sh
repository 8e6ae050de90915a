#!/usr/bin/env bash
# RHVoice Polish (voices magda, natan): natural-sounding synthetic callers for tests and benchmarks,
# and an optional demo voice. The packages live in Debian's non-free component, which this machine's
# apt configuration need not carry: they are fetched with a private sources list and unpacked under
# var/rhvoice (dpkg -x), so the machine's apt configuration is never changed.
# The voices are CC-BY-NC-ND-4.0: never the production voice (that is a Piper Polish voice).
# Idempotent; VOICEBOT_RHVOICE=0 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${VOICEBOT_RHVOICE:-1}" = 1 ] || exit 0

dest=$(realpath -m "${VOICEBOT_DATA_DIR:-var}/rhvoice")
root="$dest/root"
installed() { ls "$root"/usr/lib/*/libRHVoice.so.5 >/dev/null 2>&1 && [ -d "$root/usr/share/RHVoice/voices/magda" ] \
  && [ -d "$root/usr/share/RHVoice/voices/natan" ]; }
installed && exit 0

# libsonic0 (Debian main) is the one shared library RHVoice's core needs beyond libc/libstdc++.
if ! ldconfig -p | grep -q 'libsonic\.so\.0'; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends libsonic0 \
    || { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends libsonic0; }
fi

apt_dir="$dest/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/debs" "$root"
mirror=${VOICEBOT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
echo "deb $mirror $codename non-free" > "$apt_dir/sources.list"
opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
      -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
echo "rhvoice: fetching rhvoice-polish from Debian $codename non-free (private package list, var/ only)"
apt-get "${opts[@]}" -q update >/dev/null
(cd "$apt_dir/debs" && apt-get "${opts[@]}" -q download rhvoice-polish librhvoice5 librhvoice-core7 >/dev/null)
for deb in "$apt_dir/debs"/*.deb; do dpkg -x "$deb" "$root"; done
mkdir -p "$dest/config"
installed || { echo "rhvoice: libRHVoice.so.5 or a voice missing after unpacking" >&2; exit 1; }
echo "rhvoice: ok $root (voices: $(ls "$root/usr/share/RHVoice/voices" | tr '\n' ' '))"
