# A Markdown return of 80,000 'a: b' lines took 40 s in cspr check: the
# metadata block's lines were each found by rescanning the file from its
# start (fixed in 3f95446; 0.11 s since). Bound: 5 s.
#
# setup:   $PY -c "import sys; sys.stdout.write('a: b\n' * 80000)" > meta.md
# command: timeout 5 cspr check meta.md
# exit:    65
# message: meta.md:1:1: error: no 'Agency:' line
