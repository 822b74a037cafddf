package p

s contains v if some v in input.xs
x := [v | s[v]]
