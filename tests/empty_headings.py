"""No heading of a document tree stands over nothing.

Usage: empty_headings.py DUMP
DUMP is `cspr dump --stage doc`. A heading is empty when what follows
it in its section is another heading of its level or above, or the
section's end. Publication trees must have none (a draft shows a 'To
be completed' placeholder instead). Exits 1 naming each.
"""
import re
import sys

lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
bad = []
blocks = []     # (indent, kind, level, text) of every node line
for i, line in enumerate(lines):
    m = re.match(r'( *)(\w+)(?: (\d))?', line)
    if m and line.strip():
        text = ''
        if m.group(2) == 'heading':
            t = re.match(r' *text(?: [a-z ]+)? "(.*)"$', lines[i + 1]) if i + 1 < len(lines) else None
            text = t.group(1) if t else ''
        blocks.append((len(m.group(1)), m.group(2), int(m.group(3) or 0), text))
for i, (ind, kind, level, text) in enumerate(blocks):
    if kind != 'heading':
        continue
    nxt = None
    for j in range(i + 1, len(blocks)):
        if blocks[j][0] < ind:
            break       # the section ended
        if blocks[j][0] == ind:
            nxt = blocks[j]
            break
    if nxt is None or (nxt[1] == 'heading' and nxt[2] <= level):
        bad.append(text)
for t in bad:
    print('%s: empty heading %r' % (sys.argv[1], t))
sys.exit(1 if bad else 0)
