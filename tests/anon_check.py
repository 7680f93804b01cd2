#!/usr/bin/python3
"""Checks publication outputs against a probes file: recall of register
names and identifiers, over-replacement of common words, grammar, and
how the anonymised text reads.

Usage: anon_check.py PROBES FOLDER [CASE.xml]
Reads every .docx (python-docx: paragraphs and table cells, headers and
footers, core properties) and .pdf (pdftotext) in FOLDER. Table cells
are kept apart (in a PDF: where the next word stands apart on its line
or goes back up the page), so that two cells never read as one phrase.

Prints the recall and over-replacement figures; with CASE.xml (the
case's register), also counts what reads badly, each of which must be
zero: a role or pseudonym said twice ("Child R (Child R)", "his mother,
Mother,", "grandmother Maternal grandmother"), a broken possessive
("Mother's partner' sister"), a month damaged into a label ("Child A
2025"), a role code or cspr label taken for a postcode ("[postcode
area]" where no address is). Exits 1 if any probe or count fails."""
import html
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

import docx

APOS = "\u2018\u2019\u201b\u02bc\u02bb`\u00b4\uff07"
DASH = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
CELL = " \u00a6 "     # between table cells: no probe spans it


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in DROP)
    s = "".join("'" if c in APOS else "-" if c in DASH else c for c in s)
    s = s.casefold().replace("\u0142", "l")
    return re.sub(r"[^\S\u00a6]+", " ", s)


def docx_text(path):
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(CELL.join(CELL.join(p.text for p in cell.paragraphs)
                                   for cell in row.cells))
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
    """The words in the order drawn, with CELL where the next word stands
    apart on its line or goes back up the page (the next table cell)."""
    out = subprocess.run(["pdftotext", "-q", "-bbox", path, "-"], check=True,
                         capture_output=True, text=True).stdout
    words, prev = [], None
    for page in re.findall(r"<page .*?</page>", out, re.S):
        prev = None
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                             r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            w = html.unescape(m.group(5))
            if prev is not None:
                h = max(y1 - y0, prev[3] - prev[1], 1)
                same = abs(y0 - prev[1]) < h / 2
                words.append(CELL if (same and x0 - prev[2] > 0.6 * h) or
                             y0 < prev[1] - h / 2 else " ")
            words.append(w)
            prev = (x0, y0, x1, y1)
        words.append("\n")
    info = subprocess.run(["pdfinfo", path], capture_output=True,
                          text=True).stdout
    return "".join(words) + "\n" + info


MONTHS = ("january february march april may june july august september "
          "october november december").split()


def register_labels(case):
    """The labels publication names people by, and those of the people
    whose given name is also a month's."""
    root = ET.parse(case).getroot()
    labels, months = set(), set()
    for p in root.iter("person"):
        lab = p.get("pseudonym") or p.get("role")
        if not lab:
            continue
        labels.add(lab)
        for n in p.iter("name"):
            if (n.text or "").split()[:1] and n.text.split()[0].lower() in MONTHS:
                months.add(lab)
    return sorted(labels), sorted(months)


def readability(texts, labels, months):
    """Counts of what reads badly, by class."""
    counts = {"duplicated apposition": [], "broken possessive": [],
              "month damaged": [], "code taken for a postcode": []}
    for lab in labels:
        f = re.escape(fold(lab))
        last = fold(lab).split()[-1]
        role = not re.search(r"\d$", lab) and "'" not in lab
        # "Child R (Child R)", "Mother's partner (known as Mother's
        # partner)", "his mother, Mother,", "grandmother Maternal
        # grandmother". A list of one person's names ("Child W, Child
        # W or Child W") says what the source said, and is not one.
        pats = [r"\b%s\s*\((?:known as |aka |also known as )?%s\)" % (f, f)]
        if role and len(last) > 3:
            pats.append(r"\b(?:his|her|their|the) %s, %s\b(?!')" %
                        (re.escape(last), f))
            if " " in fold(lab):
                pats.append(r"\b%s %s\b(?!')" % (re.escape(last), f))
        for p in pats:
            for n, t in texts.items():
                counts["duplicated apposition"] += [
                    (n, m.group(0)) for m in re.finditer(p, t)]
        if not fold(lab).endswith("s"):
            for n, t in texts.items():
                # Not a closing quote: "'Mother' said".
                counts["broken possessive"] += [
                    (n, m.group(0)) for m in re.finditer(
                        r"(?<!')\b%s' (?!said|told|and|or)" % f, t)
                    if "'" not in t[max(0, m.start() - 1):m.start()]]
    for lab in months:
        f = re.escape(fold(lab))
        for n, t in texts.items():
            counts["month damaged"] += [
                (n, m.group(0)) for m in re.finditer(
                    r"\b(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?%s|%s (?:19|20)\d\d)\b"
                    % (f, f), t)]
    for n, t in texts.items():
        for m in re.finditer(r"(.{0,40})\[postcode area\](.{0,20})", t):
            before, after = m.group(1), m.group(2)
            # "in the OL11 area" reads "in the [postcode area]".
            if not (re.match(r"\s*(area|district)", after) or
                    re.search(r"(postcode:?|post code)\s*$", before) or
                    re.search(r"\b(in|near|to|from|of) the\s*$", before)):
                counts["code taken for a postcode"].append((n, m.group(0)))
    return counts


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
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
    if len(sys.argv) == 4:
        rd = readability(texts, *register_labels(sys.argv[3]))
        for what, found in rd.items():
            print("%s: %d" % (what, len(found)))
            for n, s in found[:5]:
                print("  %s: %r" % (n, s))
            bad += len(found)
    sys.exit(1 if bad else 0)


main()
