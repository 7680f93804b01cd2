#!/usr/bin/python3
"""gen_case: writes a thin synthetic case folder of any size, for tests and
for the bench's thin extreme (BENCH_THIN). Thin: a 34-word vocabulary, two
people, no times; realistic cases come from ../shared/tools/gen_case.py.

Usage: gen_case.py DIR AGENCIES EVENTS_PER_AGENCY

Half the agencies return XML, half Markdown; every agency has a scoping
return; the review folder has every narrative and review.xml, so that a
publication build can run. Event text names the child and her mother now
and then, for the anonymiser to find. Deterministic: the same arguments
give the same files.
"""
import datetime
import os
import random
import sys

WORDS = ('home visit strategy discussion referral child seen voice recorded '
         'mother partner nursery attendance concerns bruising assessment plan '
         'review meeting police attended health visitor school GP appointment '
         'missed not brought safeguarding conference section 47 early help').split() + \
    ['Zoë', 'Kerry', 'Ms Nguyễn']

NARRATIVES = ('summary', 'immediate-actions', 'lived-experience', 'vulnerabilities',
              'perpetrator', 'equality', 'practice-episodes', 'learning', 'national',
              'brief-summary', 'reflective-questions')
BRIEFING = ('Background', 'Why it matters', 'Information', 'Learning',
            'Reflective questions', 'Things to remember', 'What to do')


def text(r, n):
    return ' '.join(r.choice(WORDS) for _ in range(n)).capitalize() + '.'


def main():
    out, nag, nev = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    r = random.Random(1)
    os.makedirs(f'{out}/chronology', exist_ok=True)
    os.makedirs(f'{out}/scoping', exist_ok=True)
    ags = [f'a{i:02d}' for i in range(nag)]
    with open(f'{out}/case.xml', 'w') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<case version="1" ref="BENCH-1" kind="lcspr">\n'
                '  <partnership>Benchmark Partnership</partnership>\n'
                '  <child person="P01"/>\n  <dates><incident>01/01/2025</incident>'
                '<meeting>15/01/2025</meeting></dates>\n'
                '  <period from="01/01/2023" to="01/01/2025"/>\n  <agencies>\n')
        for i, a in enumerate(ags):
            f.write(f'    <agency id="{a}" prefix="A{i:02d}" colour="#F2F2F2">Agency {i}</agency>\n')
        f.write('  </agencies>\n  <register>\n'
                '    <person id="P01" role="Child" pseudonym="Child A" relationship="subject">'
                '<name>Zoë Nguyễn</name><dob>03/06/2022</dob></person>\n'
                '    <person id="P02" role="Mother" relationship="mother"><name>Kerry Nguyễn</name></person>\n'
                '  </register>\n</case>\n')
    for i, a in enumerate(ags):
        days = sorted(r.randrange(0, 730) for _ in range(nev))
        rows = []
        for j, d in enumerate(days):
            day = datetime.date(2023, 1, 2) + datetime.timedelta(days=d)
            rows.append((j + 1, day.strftime('%d/%m/%Y'), text(r, 25), text(r, 12), text(r, 12)))
        if i % 2 == 0:
            with open(f'{out}/chronology/{a}.xml', 'w') as f:
                f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<chronology version="1" agency="{a}">\n'
                        '  <author role="Author"/>\n')
                for s, d, w, ac, an in rows:
                    f.write(f'  <event seq="{s}" start="{d}" child-seen="yes" voice="no">'
                            f'<source>Record {s}</source><people>P01 P02</people>'
                            f'<what>{w}</what><action>{ac}</action><analysis>{an}</analysis></event>\n')
                f.write('</chronology>\n')
        else:
            with open(f'{out}/chronology/{a}.md', 'w') as f:
                f.write(f'Agency: {a}\nAuthor: Author\n\n'
                        '| Seq | Start date | Source | What happened | Action | Analysis | Child seen | People |\n'
                        '| --- | --- | --- | --- | --- | --- | --- | --- |\n')
                for s, d, w, ac, an in rows:
                    f.write(f'| {s} | {d} | Record {s} | {w} | {ac} | {an} | yes | P01 P02 |\n')
        with open(f'{out}/scoping/{a}.xml', 'w') as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<scoping version="1" agency="{a}">\n'
                    '  <author role="Author"/>\n  <period from="01/01/2023" to="01/01/2025"/>\n'
                    f'  <involved>yes</involved>\n  <summary>{text(r, 40)}</summary>\n</scoping>\n')

    review(out, ags, r)


def review(out, ags, r):
    os.makedirs(f'{out}/review', exist_ok=True)
    for n in NARRATIVES:
        with open(f'{out}/review/{n}.md', 'w') as f:
            f.write('\n\n'.join(text(r, 60) for _ in range(3)) + '\n')
    with open(f'{out}/review/briefing.md', 'w') as f:
        for h in BRIEFING:
            f.write(f'## {h}\n\n{text(r, 30)}\n\n')
    votes = ''.join(f'    <vote partner="{p}" vote="yes">{text(r, 15)}</vote>\n'
                    for p in ('local-authority', 'police', 'icb'))
    with open(f'{out}/review/review.xml', 'w') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<review version="1">\n'
                f'  <decision lcspr="yes">\n{votes}    <rationale>{text(r, 30)}</rationale>\n'
                '  </decision>\n  <criteria>\n    <criterion met="yes">\n'
                '      <name>Highlights improvements needed to safeguard and promote the welfare of children</name>\n'
                f'      <evidence>{text(r, 15)}</evidence>\n    </criterion>\n  </criteria>\n'
                f'  <recommendations>\n    <recommendation>{text(r, 20)}</recommendation>\n'
                '  </recommendations>\n  <action-plan>\n'
                f'    <action owner="{ags[0]}" by="30/06/2025">\n      <what>{text(r, 12)}</what>\n'
                f'      <measure>{text(r, 10)}</measure>\n    </action>\n  </action-plan>\n</review>\n')


if __name__ == '__main__':
    main()
