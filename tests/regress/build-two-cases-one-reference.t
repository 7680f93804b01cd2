# cspr build of two cases with one reference wrote each over the other's
# output and exited 0 (fixed in 91e81dc): an error before anything is
# written.
#
# case:    northshire-2025-014
# setup:   cp -r northshire-2025-014 c2
# command: cspr build -q -o out northshire-2025-014 c2
# exit:    65
# message: c2/case.xml:4: error: case reference 'NSCP-2025-014' is also the reference of northshire-2025-014/case.xml
# check:   test ! -e out
