# An XML return with elements nested 10,000 deep is refused at libxml2's
# depth limit, at once and with a message of its own, not libxml2's
# (a29b90c). Bound: 5 s.
#
# setup:   $PY -c "print('<?xml version=\"1.0\"?>\n<chronology version=\"1\" agency=\"x\">' + '<a>' * 10000 + '</a>' * 10000 + '</chronology>')" > deep.xml
# command: timeout 5 cspr check deep.xml
# exit:    65
# message: deep.xml:2:804: error: elements nested more than 256 deep
