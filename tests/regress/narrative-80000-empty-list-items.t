# A narrative of 80,000 empty list items did not finish laying out as PDF
# (40,000 took 6 s): for every line, the widow and orphan check walked
# back and forth to its paragraph's ends (issue 23; fixed in db245d6,
# which works each paragraph and keep chain out once: 0.17 s). Bound:
# 20 s, ten times the time taken.
#
# case:    northshire-2025-014
# setup:   $PY -c "print('-\n' * 80000)" > northshire-2025-014/review/summary.md
# command: timeout 20 cspr build -q --force --format pdf --document learning-brief -o out northshire-2025-014
# exit:    0
