#!/bin/sh
# make lint: static analysis of src/, failing on any finding.
#
# includes.sh: every #include against the table of stages in
#   docs/design.md (which folder may include which, and which library).
# cppcheck: warning, portability and performance checks (style is the
#   compiler's and the reviewer's business); system headers not followed.
# clang-tidy: the Clang static analyzer (clang-analyzer-*: null
#   dereferences, leaks, use after free, uninitialised values, dead
#   stores) and bugprone-*, except checks that flag this codebase's
#   deliberate idioms:
#   - security.insecureAPI.*: wants Annex K functions glibc lacks;
#   - optin.performance.Padding: struct layout is chosen for reading;
#   - easily-swappable-parameters, narrowing-conversions,
#     implicit-widening-of-multiplication-result: every size and index
#     conversion is explicit already, -Wextra checks the rest;
#   - reserved-identifier, macro-parentheses, branch-clone,
#     assignment-in-if-condition: style, not bugs;
#   - valist.Uninitialized: clang 14 reports every va_list passed on
#     after va_start or va_copy (buf.c, diag.c), wrongly.
set -eu
flags="-std=c17 -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags libxml-2.0 libzip \
	libcmark-gfm libdeflate libunibreak libutf8proc libpcre2-8 icu-i18n poppler-glib harfbuzz \
	harfbuzz-subset)"
status=0
echo "includes"
sh tools/includes.sh || status=1
echo "cppcheck"
cppcheck --enable=warning,portability,performance --std=c11 -q --inline-suppr \
	--error-exitcode=1 -D_POSIX_C_SOURCE=200809L -Isrc \
	--suppress=missingIncludeSystem src || status=1
echo "clang-tidy"
checks='-*,clang-analyzer-*,-clang-analyzer-security.insecureAPI.*'
checks="$checks,-clang-analyzer-optin.performance.Padding,bugprone-*"
checks="$checks,-bugprone-easily-swappable-parameters,-bugprone-narrowing-conversions"
checks="$checks,-bugprone-implicit-widening-of-multiplication-result"
checks="$checks,-bugprone-reserved-identifier,-bugprone-macro-parentheses"
checks="$checks,-bugprone-branch-clone,-bugprone-assignment-in-if-condition"
checks="$checks,-clang-analyzer-valist.Uninitialized"
# shellcheck disable=SC2046,SC2086
out=$(clang-tidy -quiet --checks="$checks" --warnings-as-errors='*' \
	$(find src -name '*.c' | sort) -- $flags 2>/dev/null) || status=1
printf '%s\n' "$out" | grep -E 'warning:|error:' || true
[ $status = 0 ] && echo "lint: clean"
exit $status
