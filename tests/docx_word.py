"""What Word shows of a cspr DOCX: python-docx and the parts themselves.

Usage: docx_word.py FILE.docx FONT DRAFT_RGB
Checks: the default font is FONT (Arial for Liberation Sans: Windows has
no Liberation fonts); the document's title paragraph is in the Title
style and is not an entry of its own contents; headers and footers mark
DRAFT with the Draft character style, bold and in DRAFT_RGB; Word is
asked to update fields (the contents' page numbers) on opening.
"""
import sys
import zipfile

import docx
from docx.oxml.ns import qn

path, font, rgb = sys.argv[1], sys.argv[2], sys.argv[3].upper()
d = docx.Document(path)
bad = []

fonts = d.styles.element.xpath('//w:docDefaults//w:rFonts')
if not fonts or fonts[0].get(qn('w:ascii')) != font or fonts[0].get(qn('w:hAnsi')) != font:
    bad.append('default font is not %s' % font)

title = d.core_properties.title
titled = [p for p in d.paragraphs if p.style.name == 'Title']
if len(titled) != 1 or titled[0].text != title:
    bad.append('the title %r is not the one Title paragraph (%r)' % (title, [p.text for p in titled]))
toc = [p for p in d.element.body.iter(qn('w:p'))
       if any(s.get(qn('w:val'), '').startswith('TOC') and s.get(qn('w:val')) != 'TOCHeading'
              for s in p.iter(qn('w:pStyle')))]
entries = [''.join(t.text or '' for t in p.iter(qn('w:t'))) for p in toc]
if title in entries:
    bad.append('the title is an entry of its own contents')
if toc and not entries:
    bad.append('the contents have no entries')

st = d.styles['Draft'] if 'Draft' in [s.name for s in d.styles] else None
if st is None or not st.font.bold or str(st.font.color.rgb) != rgb:
    bad.append('no bold Draft style in %s' % rgb)
with zipfile.ZipFile(path) as z:
    for part in ('word/header1.xml', 'word/footer1.xml'):
        x = z.read(part).decode()
        if 'DRAFT' in x and '<w:rStyle w:val="Draft"/>' not in x:
            bad.append('%s: DRAFT without the Draft style' % part)
    if '<w:updateFields w:val="true"/>' not in z.read('word/settings.xml').decode():
        bad.append('Word is not asked to update the contents on opening')

for b in bad:
    print('%s: %s' % (path, b))
sys.exit(1 if bad else 0)
