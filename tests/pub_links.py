#!/usr/bin/python3
"""pub_links: a publication keeps no live link but web and mail addresses.

Usage: pub_links.py FOLDER

In FOLDER's rapid-review-report and learning-brief, as DOCX (external
relationships) and as PDF (URI actions), every link target must start
http:, https: or mailto:. Prints the others and exits 1 if there are any.
"""
import re
import subprocess
import sys
import zipfile

bad = []
for d in ('rapid-review-report', 'learning-brief'):
    z = zipfile.ZipFile(sys.argv[1] + '/' + d + '.docx')
    rels = z.read('word/_rels/document.xml.rels').decode()
    bad += [t for t in re.findall(r'TargetMode="External" Target="([^"]*)', rels)
            if not re.match(r'(https?|mailto):', t, re.I)]
    q = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', sys.argv[1] + '/' + d + '.pdf', '-'],
                       capture_output=True).stdout.decode('latin-1')
    bad += [u for u in re.findall(r'/URI \((.*?)\)', q) if not re.match(r'(https?|mailto):', u, re.I)]
print(bad)
sys.exit(1 if bad else 0)
