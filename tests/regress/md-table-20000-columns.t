# A Markdown return with a table 20,000 columns wide (4 MB) took 40 s in
# cspr check: Debian's cmark-gfm is quadratic in the cells of a table row.
# Such a row is now refused from the raw lines, before cmark-gfm parses
# it (fixed in 9bb8b8e). Bound: 5 s.
#
# setup:   $PY -c "import sys; sys.stdout.write('Agency: hv\n\n|' + ' a |' * 20000 + '\n|' + ' --- |' * 20000 + '\n' + ('|' + ' x |' * 20000 + '\n') * 50)" > wide.md
# command: timeout 5 cspr check wide.md
# exit:    65
# message: wide.md:3:261: error: a table row with more than 64 cells
