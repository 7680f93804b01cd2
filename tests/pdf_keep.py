"""No page of a cspr PDF ends with a heading or a label.

Usage: pdf_keep.py DUMP PDF
DUMP is `cspr dump --stage doc` of the same document: its headings and
keep-next paragraphs (a scoping return's field labels) are the lines
that must stand above what they introduce. Each page's text is read
back with pdftotext; the page's last line of body text (the marking,
title, DRAFT and page number are the header's and footer's) must not
be one of them. Exits 1 naming each page that breaks the rule.
"""
import re
import subprocess
import sys

dump, pdf = sys.argv[1], sys.argv[2]
keep, title, marking = set(), '', ''
lines = open(dump, encoding='utf-8').read().split('\n')
for i, line in enumerate(lines):
    m = re.match(r'doc title="(.*?)" .*?(?:marking=(\S+))?', line)
    if m:
        title, marking = m.group(1), m.group(2) or ''
    if re.match(r' *(heading \d|para keep-next)', line):
        depth = len(line) - len(line.lstrip())
        words = []
        for sub in lines[i + 1:]:
            if len(sub) - len(sub.lstrip()) <= depth:
                break
            t = re.match(r' *text(?: [a-z ]+)? "(.*)"$', sub)
            if t:
                words.append(t.group(1))
        if words:
            keep.add(''.join(words).strip())
pages = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True,
                       text=True, check=True).stdout.split('\f')
furniture = {title, marking, 'DRAFT', 'OFFICIAL-SENSITIVE'}
bad = []
for n, page in enumerate(pages, 1):
    body = [l.strip() for l in page.split('\n') if l.strip() and l.strip() not in furniture
            and not re.match(r'Page \d+ of \d+$', l.strip())]
    if body and body[-1] in keep:
        bad.append('page %d ends with %r' % (n, body[-1]))
for b in bad:
    print('%s: %s' % (pdf, b))
sys.exit(1 if bad else 0)
