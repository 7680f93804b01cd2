# Agency fills nobody could tell apart (police #E2EFDA beside nursery
# #D9EAD3, a difference of 2.8) and one too dark for black text were
# taken as given (issue 25): cspr check warns of each, at the agency's
# line, and suggests a colour of the default palette.
#
# case:    northshire-2025-014
# setup:   sed -i 's/colour="#E4CDE4"/colour="#D9EAD3"/; s/id="amh" prefix="AMH" colour="#[0-9A-F]*"/id="amh" prefix="AMH" colour="#404040"/' northshire-2025-014/case.xml
# command: cspr check northshire-2025-014
# exit:    0
# message: case.xml:[0-9]*: warning: agency 'edu': its colour #D9EAD3 is hard to tell from 'police' (#E2EFDA; a difference of 2.8, where 5 or more reads as another colour): try #[0-9A-F]\{6\}
# message: case.xml:[0-9]*: warning: agency 'amh': black text on its colour #404040 has a contrast of [0-9.]*:1, less than 4.5:1
