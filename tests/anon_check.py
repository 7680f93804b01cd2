#!/usr/bin/python3
"""Checks publication outputs against a probes file: recall of register
names and identifiers, over-replacement of common words, and grammar.

Usage: anon_check.py PROBES FOLDER
Reads every .docx (python-docx: paragraphs and table cells, headers and
footers, core properties) and .pdf (pdftotext) in FOLDER. Prints the
recall and over-replacement figures; exits 1 if any probe fails."""
import re
import subprocess
import sys
import unicodedata
import zipfile

import docx

APOS = "\u2018\u2019\u201b\u02bc\u02bb`\u00b4\uff07"
DASH = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in DROP)
    s = "".join("'" if c in APOS else "-" if c in DASH else c for c in s)
    s = s.casefold().replace("\u0142", "l")
    return re.sub(r"\s+", " ", s)


def docx_text(path):
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    for s in d.sections:
        for hf in (s.header, s.footer):
            parts.extend(p.text for p in hf.paragraphs)
    cp = d.core_properties
    parts += [cp.title or "", cp.subject or "", cp.author or "",
              cp.keywords or ""]
    # Every other part's raw text too (hyperlink targets, settings).
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.endswith(".rels"):
                parts.append(z.read(n).decode("utf-8"))
    return "\n".join(parts)


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-q", path, "-"], check=True,
                         capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", path], capture_output=True,
                          text=True).stdout
    return out + "\n" + info


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    import os
    texts = {}
    for n in sorted(os.listdir(sys.argv[2])):
        p = os.path.join(sys.argv[2], n)
        if n.endswith(".docx"):
            texts[n] = fold(docx_text(p))
        elif n.endswith(".pdf"):
            texts[n] = fold(pdf_text(p))
        texts["file name " + n] = fold(n)
    if not texts:
        sys.exit("anon_check: no outputs in " + sys.argv[2])
    counts = {"gone": [0, 0], "kept": [0, 0], "want": [0, 0]}
    bad = 0
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        kind, probe = line.split(" ", 1)
        f = fold(probe)
        if kind == "gone":
            pat = re.compile(r"(?<![\w])" + re.escape(f) + r"(?![\w])")
            where = [n for n, t in texts.items() if pat.search(t)]
            ok = not where
        else:
            where = [n for n, t in texts.items() if f in t]
            ok = bool(where)
        counts[kind][0] += 1
        counts[kind][1] += ok
        if not ok:
            bad += 1
            print("FAIL %s %r%s" % (kind, probe,
                  (" found in " + ", ".join(where)) if where else ""))
    g, k, w = counts["gone"], counts["kept"], counts["want"]
    print("recall: %d of %d probes gone (%.1f%%)" % (g[1], g[0],
          100.0 * g[1] / max(g[0], 1)))
    print("over-replacement: %d of %d common-word probes replaced (%.1f%%)"
          % (k[0] - k[1], k[0], 100.0 * (k[0] - k[1]) / max(k[0], 1)))
    print("grammar: %d of %d phrases as expected" % (w[1], w[0]))
    sys.exit(1 if bad else 0)


main()
