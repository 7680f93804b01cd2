# Narratives nested 10,000 deep (block quotes in the summary, a list
# indented 2,000 levels in the learning) must build, not exhaust the stack
# or hang (a29b90c). Bound: 20 s.
#
# case:    northshire-2025-014
# setup:   $PY -c "print('> ' * 10000 + 'deep')" > northshire-2025-014/review/summary.md
# setup:   $PY -c "print(''.join('  ' * i + '- item\n' for i in range(2000)))" > northshire-2025-014/review/learning.md
# command: timeout 20 cspr build -q -o out northshire-2025-014
# exit:    0
