# CSPR_LIMITS=file=17179869184G (2^34 GiB, more than 64 bits can hold)
# wrapped round to a limit of 0 (issue 23): a value too big to hold now
# stops every command at once, naming what is valid.
#
# case:    northshire-2025-014
# command: CSPR_LIMITS=file=17179869184G cspr check northshire-2025-014
# exit:    64
# message: CSPR_LIMITS: cannot read 'file=17179869184G' (valid: file=N,
