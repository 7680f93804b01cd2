# A Markdown return that gave a metadata key twice ('Agency: edu', then
# 'Agency: police') was read with the first one, the second dropped
# without a word (fixed in 91e81dc): now an error at the second.
# Input: md-metadata-key-twice/twice.md.
#
# command: cspr check twice.md
# exit:    65
# message: twice.md:2:9: error: 'agency' given twice (first at line 1)
