# A narrative of 300 KB of '- ' (lists in lists)
# was accepted by cspr check, then crashed or hung cspr build and cspr
# dump --stage doc: its Markdown was flattened by a recursion one call
# deep per level of nesting (issue 23; fixed in db245d6, which walks
# cmark's iterator and flattens what the documents cannot show). Bound:
# 60 s each.
#
# case:    northshire-2025-014
# setup:   $PY -c "import sys; sys.stdout.write(sys.argv[1] * (300000 // len(sys.argv[1])))" '- ' > northshire-2025-014/review/summary.md
# command: cspr check -q northshire-2025-014
# exit:    0
# check:   timeout 60 cspr build -q --force -o out northshire-2025-014
# check:   timeout 60 cspr dump -q --stage doc --document learning-brief northshire-2025-014 > /dev/null
