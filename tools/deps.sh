#!/bin/sh
# Installs the Debian packages cspr needs (build: to compile and render;
# test: to run `make check`; bench: pandoc, LibreOffice and GNU time, for
# `make bench`), saying what it installs. Needs root to install.
set -eu
build="gcc make pkg-config libxml2-dev libzip-dev libcmark-gfm-dev libunibreak-dev
libutf8proc-dev libpcre2-dev libicu-dev libpoppler-glib-dev wbritish
libcmark-gfm-extensions-dev libpng-dev libdeflate-dev libharfbuzz-dev fonts-liberation2"
test="libcmocka-dev libxml2-utils qpdf poppler-utils python3 python3-docx
libreoffice-writer-nogui unzip clang strace man-db libclang-rt-14-dev valgrind
cppcheck clang-tidy bsdutils time util-linux"
bench="python3 pandoc libreoffice-writer-nogui time"
case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
bench) want=$bench ;;
*) echo "usage: deps.sh build|test|bench" >&2; exit 64 ;;
esac
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing Debian packages:$missing" >&2
	echo "deps.sh: run as root, or: sudo apt-get install$missing" >&2
	exit 1
fi
echo "deps.sh: installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
