package p

default x := {"allow": false, "why": []}
x := {"allow": true, "why": ["ok"]} if input.ok
