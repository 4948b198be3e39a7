# SPDX-License-Identifier: MIT
# Shared by scripts/test, scripts/demo and scripts/fuzz: installs the Debian packages the project
# needs, only those that are missing, with sudo only when not root.

# dpkg-dev (dpkg-shlibdeps) and file are for the Debian packages (scripts/package).
MSGRAPH_PACKAGES=(g++ cmake ninja-build pkg-config libcurl4-openssl-dev libssl-dev rapidjson-dev
  catch2 libcpp-httplib-dev openssl dpkg-dev file)

msgraph_install_packages() {
  local missing=()
  for pkg in "${MSGRAPH_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
