"""The words a reader of a cspr PDF's structure gets are the tree's words.

Usage: pdf_words.py DUMP PDF
DUMP is `cspr dump --stage doc` of the same document. The text of every
structure element (pdfinfo -struct-text: what a screen reader, reflow
and copy and paste read) is split into words; each must be a word of the
tree's text, where a line break or a block boundary separates words.
Two words run together at a line wrap ("athome") are not a word of the
tree. List labels ("1.", a bullet) and page numbers are the backend's,
not the tree's, and pass. Exits 1 naming each word that is not the
tree's.
"""
import re
import subprocess
import sys
import unicodedata

dump, pdf = sys.argv[1], sys.argv[2]
parts = []
for line in open(dump, encoding='utf-8'):
    s = line.strip()
    m = re.match(r'text(?: [a-z ]+)? "(.*)"$', s)
    if m:
        parts.append(m.group(1))
        continue
    m = re.match(r'(?:toc |doc title=|image .*alt=)"(.*?)"', s)
    if m:
        parts.append(' ' + m.group(1) + ' ')
        continue
    parts.append(' ')		# a line break, a block: words end
tree = set(''.join(parts).split())
# A soft hyphen draws nothing, or a hyphen where a line breaks at it.
tree |= {w.replace('\u00ad', '') for w in tree} | {w.replace('\u00ad', '-') for w in tree}
# A character the fonts lack is drawn as the plain one it is a variant
# of (NFKC, one character for one: a mathematical bold letter as the
# letter).
# letter), or, beyond U+FFFF, as U+FFFD if it is none (an emoji: the
# build warns of it).
def plain(w):
    out = []
    for ch in w:
        k = unicodedata.normalize('NFKC', ch)
        out.append(k if len(k) == 1 and ord(k) <= 0xFFFF else
                   '\ufffd' if ord(ch) > 0xFFFF else ch)
    return ''.join(out)
tree |= {plain(w) for w in tree}
# The hyphen look-alikes a font lacks are drawn as the hyphen they mean.
tree |= {w.replace('\u2010', '-').replace('\u2011', '-') for w in tree}
out = subprocess.run(['pdfinfo', '-struct-text', pdf], capture_output=True, text=True,
                     check=True).stdout
# A block element starts new words; an inline one (a link) and the next
# piece of the same element's text (a paragraph across pages) do not.
text = []
for line in out.split('\n'):
    m = re.match(r'\s*"(.*)"$', line)
    if m:
        text.append(m.group(1))
    elif re.match(r'\s*[A-Za-z][A-Za-z0-9]*:?( \(block\))?$', line):
        text.append(' ')	# an element, not inline: TD, P, H2, ...
bad = {}
for w in ''.join(text).split():
    if w in tree or re.fullmatch(r'\d+\.?|[•◦▪–-]', w):
        continue
    bad[w] = bad.get(w, 0) + 1
for w, n in sorted(bad.items()):
    print('%s: %r (%d) is not a word of the tree' % (pdf, w, n))
sys.exit(1 if bad else 0)
