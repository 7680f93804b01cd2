#!/bin/sh
# make lint: every #include in src/ against the table of stages in
# docs/design.md (keep the two the same). Prints each one the table does
# not allow as file:line: error: FOLDER may not include WHAT, and exits 1
# if there is any.
#
# A quoted include is resolved from the including file's folder and must
# name a file in src/. Its folder must be the includer's own, or one the
# includer's row names; a row may name a single header instead
# (model/style.h). Headers called *_int.h or *_impl.h are private to
# their folder. An angle-bracket include must be a C17, POSIX or glibc
# header, or belong to a library the includer's row names. A row for a
# file (check/case_check.c) adds to its folder's row. src/main.c has the
# row main.c.
set -eu
cd "$(dirname "$0")/.."

# folder or file: the folders, headers and libraries it may include
rules='
util:			utf8proc
model:			util
ingest:			model util libxml2 cmark-gfm
check:			model util
check/case_check.c:	pcre2
transform:		model util
doc:			transform model util
doc/md_doc.c:		cmark-gfm
anon:			doc model util pcre2 icu utf8proc
render:			doc model/style.h util
render/docx:		render doc model/style.h util libzip libdeflate
render/pdf:		render doc model/style.h util libdeflate libunibreak libpng harfbuzz
gate:			anon/anon.h util libzip libxml2 poppler-glib
cmd:			ingest model check transform anon doc render gate util
main.c:			cmd ingest model check transform anon doc render gate util
'

# library: the headers (a name, or a prefix ending in / or *) that are its
libs='
libxml2:	libxml/
cmark-gfm:	cmark-gfm*
pcre2:		pcre2.h
icu:		unicode/
utf8proc:	utf8proc.h
libzip:		zip.h zipconf.h
libdeflate:	libdeflate.h
libunibreak:	linebreak.h linebreakdef.h graphemebreak.h wordbreak.h unibreakdef.h
libpng:		png.h pngconf.h
harfbuzz:	hb.h hb-* harfbuzz/
poppler-glib:	poppler.h poppler/ glib.h glib/ glib-object.h
'

# C17, POSIX (and sys/, arpa/, netinet/) and glibc headers: every folder
sys='assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h
limits.h locale.h math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h
stdbool.h stddef.h stdint.h stdio.h stdlib.h stdnoreturn.h string.h tgmath.h
threads.h time.h uchar.h wchar.h wctype.h
dirent.h fcntl.h fnmatch.h glob.h grp.h iconv.h langinfo.h libgen.h poll.h
pthread.h pwd.h regex.h sched.h semaphore.h spawn.h strings.h syslog.h
termios.h unistd.h utime.h wordexp.h sys/ arpa/ netinet/
getopt.h malloc.h'

# shellcheck disable=SC2046
LC_ALL=C awk -v rules="$rules" -v libs="$libs" -v sys="$sys" '
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
# Does header h match pattern p (a name, or a prefix ending in / or *)?
function hmatch(h, p) {
	if (p ~ /[\/*]$/) {
		sub(/\*$/, "", p)
		return substr(h, 1, length(p)) == p
	}
	return h == p
}
# The folder of a path in src/ ("render/pdf"), or "" for src/ itself.
function folder(p,   d) {
	d = p
	sub(/^src\//, "", d)
	if (d !~ /\//)
		return ""
	sub(/\/[^\/]*$/, "", d)
	return d
}
# dir/rel with "." and ".." taken out.
function resolve(dir, rel,   n, i, k, part, out, s) {
	n = split(dir "/" rel, part, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (part[i] == "" || part[i] == ".")
			continue
		if (part[i] == "..") {
			if (k > 0)
				k--
			continue
		}
		out[++k] = part[i]
	}
	s = ""
	for (i = 1; i <= k; i++)
		s = s (i > 1 ? "/" : "") out[i]
	return s
}
function err(msg) {
	printf "%s:%d: error: %s\n", FILENAME, FNR, msg
	bad++
}
BEGIN {
	n = split(rules, line, "\n")
	for (i = 1; i <= n; i++) {
		if ((l = trim(line[i])) == "")
			continue
		k = index(l, ":")
		key = substr(l, 1, k - 1)
		row[key] = 1
		m = split(trim(substr(l, k + 1)), item, /[ \t]+/)
		for (j = 1; j <= m; j++) {
			may[key, item[j]] = 1
			if (item[j] ~ /\.h$/) {	# one header of a folder
				d = item[j]
				sub(/\/[^\/]*$/, "", d)
				some[key, d] = 1
			}
		}
	}
	n = split(libs, line, "\n")
	nlib = 0
	for (i = 1; i <= n; i++) {
		if ((l = trim(line[i])) == "")
			continue
		k = index(l, ":")
		lib[++nlib] = substr(l, 1, k - 1)
		libpat[nlib] = trim(substr(l, k + 1))
	}
	nsys = split(sys, syspat, /[ \t\n]+/)
	for (i = 1; i < ARGC; i++)
		exists[ARGV[i]] = 1
}
FNR == 1 {
	skip = 0
	f = folder(FILENAME)
	short = FILENAME
	sub(/^src\//, "", short)
	unit = f == "" ? short : f
	if (!(unit in row)) {
		err("folder " (f == "" ? "src" : f) " is not in the table " \
		    "(tools/includes.sh, docs/design.md)")
		skip = 1
	}
	dir = FILENAME
	sub(/\/[^\/]*$/, "", dir)
}
skip { next }
/^[ \t]*#[ \t]*include[ \t]*"/ {
	rel = $0
	sub(/^[^"]*"/, "", rel)
	sub(/".*/, "", rel)
	p = resolve(dir, rel)
	if (!(p in exists)) {
		err("\"" rel "\" is not a file in src/")
		next
	}
	tf = folder(p)
	th = p
	sub(/^src\//, "", th)
	base = p
	sub(/.*\//, "", base)
	if (tf == f)
		next
	if (base ~ /_(int|impl)\.h$/) {
		err(unit " may not include " th " (private to " tf ")")
		next
	}
	if (may[unit, tf] || may[unit, th] || may[short, tf] || may[short, th])
		next
	if (tf == "" || some[unit, tf] || some[short, tf])
		err(unit " may not include " th " (" rel ")")
	else
		err(unit " may not include " tf " (" rel ")")
	next
}
/^[ \t]*#[ \t]*include[ \t]*</ {
	h = $0
	sub(/^[^<]*</, "", h)
	sub(/>.*/, "", h)
	for (i = 1; i <= nsys; i++)
		if (syspat[i] != "" && hmatch(h, syspat[i]))
			next
	for (i = 1; i <= nlib; i++) {
		m = split(libpat[i], pat, /[ \t]+/)
		for (j = 1; j <= m; j++)
			if (hmatch(h, pat[j])) {
				if (!may[unit, lib[i]] && !may[short, lib[i]])
					err(unit " may not include " lib[i] \
					    " (<" h ">)")
				next
			}
	}
	err(unit " may not include <" h "> (not a C, POSIX or glibc " \
	    "header, nor a library in tools/includes.sh)")
}
END {
	if (bad) {
		printf "includes: %d error%s (the table is in docs/design.md " \
		    "and tools/includes.sh)\n", bad, bad == 1 ? "" : "s"
		exit 1
	}
	print "includes: clean"
}
' $(find src -name '*.[ch]' | LC_ALL=C sort)
