#!/usr/bin/python3
"""literal_case: puts template and markup characters into a case's police return.

Usage: literal_case.py CASE EXPECTED

Puts into the first 'Police attended' event of CASE/chronology/police.xml
text that looks like a template field, a heading, WordprocessingML and a
table, and PDF string delimiters with a backslash and the characters
whose two-byte codes are those bytes (U+285C, U+0D28, U+5C29: '(' '\\',
CR '(', '\\' ')'); writes to EXPECTED the part of it PDF text must give
back as written.
"""
import sys

case, expected = sys.argv[1], sys.argv[2]
p = case + '/chronology/police.xml'
s = open(p, encoding='utf-8').read().replace('<what>Police attended',
    '<what>LITERAL {ref} {partnership} # Not a heading &lt;w:p&gt;x&lt;/w:p&gt; | a | b | '
    'PDFSTR (a) \\b) (c \u285c\u0d28 \u5c29 end | Police attended', 1)
open(p, 'w', encoding='utf-8').write(s)
open(expected, 'w', encoding='utf-8').write('PDFSTR (a) \\b) (c \u285c\u0d28 \u5c29 end\n')
