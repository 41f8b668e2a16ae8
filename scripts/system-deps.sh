#!/usr/bin/env bash
# Install the Debian packages the site needs, when they are missing.
#   fonts-noto-cjk, libharfbuzz-subset0, libpango*: WeasyPrint renders Chinese
#     certificates (without libharfbuzz-subset0 a CJK page takes ~10 s, not ~0.15 s)
#   gettext: compilemessages          poppler-utils: pdftotext/pdffonts in tests
#   chromium: browser tests           postgresql, redis-server: the test services
#   wrk: HTTP load generator of the whole-stack benchmark (--bench, make bench)
set -euo pipefail
WANTED=(gettext fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils)
if [[ "${1:-}" == "--test" || "${COLLEGE_TEST_DEPS:-}" == "1" || -n "${CI:-}" ]]; then
  WANTED+=(chromium postgresql redis-server nodejs npm)
fi
if [[ "${1:-}" == "--bench" || "${COLLEGE_BENCH_DEPS:-}" == "1" ]]; then
  WANTED+=(wrk postgresql redis-server)
fi
missing=()
for pkg in "${WANTED[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node and npm may come from elsewhere than Debian; accept any on PATH.
if [[ " ${missing[*]} " == *" nodejs "* ]] && command -v node >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]:-}"
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "These Debian packages are missing and I cannot install them without root:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
