#!/bin/sh
# reliability: reading only what cspr was given and writing only what it
# should: bad input writes nothing and leaves earlier outputs alone; links
# in a case folder are never followed, nor written through; a big file
# beside the returns costs nothing; one case's folder is never another's;
# the limits on input (CSPR_LIMITS), each with a clear error; a hostile
# return opens and fetches nothing it points at (strace, no network).
# Usage: sh tests/t/reliability.sh [BUILDDIR]
. tests/lib.sh
begin reliability

echo "== outputs: bad input writes nothing and leaves earlier outputs alone"
if [ -d "$c" ]; then
	rm -rf "$T/keep" && cp -r "$c" "$T/keep"
	"$BIN" build -q -o "$T/out3" "$T/keep" > /dev/null 2>&1
	( cd "$T/out3" && find . -type f | sort | xargs md5sum ) > "$T/before.sum"
	printf '<chronology version="1" agency="police"><event' > "$T/keep/chronology/zz-broken.xml"
	exits "build of a case with a broken return: exit 65" 65 "$BIN" build -q -o "$T/out3" "$T/keep"
	( cd "$T/out3" && find . -type f | sort | xargs md5sum ) > "$T/after.sum"
	t "earlier outputs untouched, no temporary files left" cmp "$T/before.sum" "$T/after.sum"
	exits "build into an unwritable place: exit 73" 73 "$BIN" build -q -o /proc/cspr-cannot "$c"
	rm -rf "$T/out3/NSCP-2025-014/integrated-chronology.pdf" && mkdir "$T/out3/NSCP-2025-014/integrated-chronology.pdf"
	md5sum "$T/out3/NSCP-2025-014/integrated-chronology.docx" > "$T/docx.sum"
	exits "a folder where an output goes: exit 73" 73 "$BIN" build -q -o "$T/out3" "$c"
	t "... and the other output was not replaced" md5sum -c --quiet "$T/docx.sum"
	# Two cases with one reference: tests/regress/build-two-cases-one-reference.t.
fi

echo "== reading only what it was given, writing only what it should"
if [ -d "$c" ]; then
	# A link in the case folder is never followed, to a file or a folder.
	rm -rf "$T/sl" "$T/slout" && cp -r "$c" "$T/sl"
	rm -f "$T/sl/review/national.md" && ln -s /etc/passwd "$T/sl/review/national.md"
	ln -s /usr/lib "$T/sl/chronology/zz"
	"$BIN" build --force -o "$T/slout" "$T/sl" > /dev/null 2> "$T/sl.err"
	t "a link to /etc/passwd as a narrative: not read, and said so" sh -c \
	    "grep -q 'sl/review/national.md: warning: ignored: a symbolic link' '$T/sl.err' && ! pdftotext '$T/slout/NSCP-2025-014/rapid-review-report.pdf' - | grep -q 'root:'"
	t "a linked folder inside a return folder: not walked" grep -q "sl/chronology/zz: warning: ignored: a symbolic link" "$T/sl.err"
	rm "$T/sl/review/national.md" "$T/sl/chronology/zz"
	mv "$T/sl/scoping" "$T/sl-scoping" && ln -s "$PWD/$T/sl-scoping" "$T/sl/scoping"
	"$BIN" check "$T/sl" > /dev/null 2> "$T/sl.err"
	t "a return folder that is a link: not followed" grep -q "sl/scoping: warning: ignored: a symbolic link to a folder" "$T/sl.err"
	rm "$T/sl/scoping" && mv "$T/sl-scoping" "$T/sl/scoping"
	# The stamp reads what the build reads: a 20 GB sparse file beside
	# the returns costs nothing.
	truncate -s 20G "$T/sl/attachment.bin" 2> /dev/null || dd if=/dev/zero of="$T/sl/attachment.bin" bs=1 count=0 seek=20G 2> /dev/null
	"$BIN" build -q -o "$T/slout" "$T/sl" > /dev/null 2>&1
	t "a 20 GB file in the case folder: a rebuild with nothing changed, in under 5 s" sh -c \
	    "timeout 5 '$BIN' build -o '$T/slout' '$T/sl' 2>&1 | grep -q '0 rebuilt (0 documents), 1 unchanged'"
	rm -f "$T/sl/attachment.bin"
	# A link where a case's output folder goes is never written through.
	rm -rf "$T/lo1" "$T/lotarget" && mkdir -p "$T/lo1" "$T/lotarget" && ln -s "$PWD/$T/lotarget" "$T/lo1/NSCP-2025-014"
	exits "a link in place of the case's output folder: exit 73" 73 "$BIN" build -q -o "$T/lo1" "$c"
	t "... nothing written through it" test -z "$(ls "$T/lotarget")"
	# Folders are unique by construction: a reference looks like no
	# publication's folder; a second case with one's reference is refused.
	rm -rf "$T/col" "$T/colout" && cp -r "$c" "$T/col" && sed -i 's/ref="NSCP-2025-014"/ref="Child-A-publication"/' "$T/col/case.xml"
	"$BIN" build -q --audience publication -o "$T/colout" "$c" > /dev/null 2>&1
	t "a draft whose reference reads like a publication leaves the publication alone" sh -c \
	    "'$BIN' build -q -o '$T/colout' '$T/col' > /dev/null 2>&1 && test -s '$T/colout/Child A (publication)/learning-brief.pdf' && test -s '$T/colout/Child-A-publication/rapid-review-report.pdf'"
	"$BIN" build -q -o "$T/colout" "$c" > /dev/null 2>&1
	rm -rf "$T/col2" && cp -r "$c" "$T/col2" && sed -i 's/Northshire Safeguarding/Another Safeguarding/' "$T/col2/case.xml"
	exits "another case with the same reference, into the same folder: exit 73" 73 "$BIN" build -q -o "$T/colout" "$T/col2"
	cp "$T/last.out" "$T/col.err"
	t "... saying whose it is" grep -q "NSCP-2025-014: error: cannot write there: it holds the documents of another case or audience" "$T/col.err"
fi

echo "== limits: each with a clear error, configurable"
if [ -d "$c" ]; then
	exits "a bad CSPR_LIMITS: usage (64)" 64 env CSPR_LIMITS=files=1 "$BIN" check "$c"
	exits "total=10K: a case whose files come to more is refused: exit 65" 65 env CSPR_LIMITS=total=10K "$BIN" check "$c"
	cp "$T/last.out" "$T/total.err"
	t "... before it is read, saying how to raise the limit" grep -q "northshire-2025-014: error: its files come to 0.[0-9] MiB, more than 10 KiB for one case: .*(or raise the limit: CSPR_LIMITS=total=N)" "$T/total.err"
	# A CSPR_LIMITS too big to hold, returns with a byte order mark and
	# CR LF or CR line ends, XML and narratives 10,000 deep: in
	# tests/regress/ (limits-overflow, markdown-bom-*, *-10000-deep).
	CSPR_LIMITS=events=5 "$BIN" check "$c" > /dev/null 2> "$T/lim.err"
	t "events=5: a return with more is refused, naming the limit" grep -q "csc.xml:[0-9]*: error: more than 5 events in one return: split it (or raise the limit: CSPR_LIMITS=events=N)" "$T/lim.err"
	CSPR_LIMITS=field=20 "$BIN" check "$c/chronology/gp.md" > /dev/null 2> "$T/lim.err"
	t "field=20: a longer field is refused at its cell" grep -q "gp.md:8:63: error: 'What happened' is larger than 20 bytes" "$T/lim.err"
	head -c 104857600 /dev/zero | tr '\0' 'a' > "$T/huge.md"
	exits "a 100 MB return: exit 65 within 5 s" 65 timeout 5 "$BIN" check "$T/huge.md"
	cp "$T/last.out" "$T/huge.err"
	t "... saying the limit and how to raise it" grep -q "huge.md: error: file is larger than 8 MiB: split the return or remove embedded material (or raise the limit: CSPR_LIMITS=file=N)" "$T/huge.err"
	# The binary itself, not a wrapper (valgrind's memory is its own).
	t "... in bounded memory (under 64 MiB)" sh -c "/usr/bin/time -f %M '$O/cspr' check '$T/huge.md' 2>&1 >/dev/null | tail -1 | awk '{ exit !(\$1 < 65536) }'"
	# A guard against a hang, not a timing: valgrind takes 15 to 18 s
	# alone, more beside another suite.
	lim=20
	[ -n "${CSPR_WRAP:-}" ] && lim=120
	t "CSPR_LIMITS=file=200M reads it (and finds it is no return)" sh -c "CSPR_LIMITS=file=200M timeout $lim '$BIN' check '$T/huge.md' 2>&1 | grep -q 'no .Agency:. line'"
	rm -f "$T/huge.md"
	# Nothing read or fetched that a return points at, with no network
	# at all (a network namespace) and every open and connect watched.
	printf '<?xml version="1.0"?>\n<chronology version="1" agency="police" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://127.0.0.1:9/evil.xsd"><author role="x"/></chronology>\n' > "$T/schemaloc.xml"
	nonet=""
	unshare -n true 2> /dev/null && nonet="unshare -n"
	for f in fixtures/bad/doctype-external-entity.xml fixtures/bad/entity-bomb.xml fixtures/bad/chron-xinclude.xml "$T/schemaloc.xml" fixtures/bad-cases/case-doctype; do
		strace -f -e trace=open,openat,connect,socket -o "$T/strace2.out" \
		    $nonet "$BIN" check "$f" > /dev/null 2>&1
		if grep -q -e passwd -e 'connect(' -e 'socket(' -e 'evil' "$T/strace2.out"; then
			ko "$(basename "$f"): nothing it points at is opened or fetched" "$T/strace2.out"
		else ok "$(basename "$f"): nothing it points at is opened or fetched"; fi
	done
fi

end
