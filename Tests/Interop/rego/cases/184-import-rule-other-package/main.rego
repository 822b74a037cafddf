package p
import data.q
x := q.v * 2
