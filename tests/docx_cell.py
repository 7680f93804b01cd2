#!/usr/bin/python3
"""docx_cell: a table cell of a DOCX holds a text, as python-docx reads it.

Usage: docx_cell.py FILE.docx TEXT

Exits 0 if some cell of some table contains TEXT, 1 if none does.
"""
import sys

import docx

d = docx.Document(sys.argv[1])
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
sys.exit(not any(sys.argv[2] in c for c in cells))
