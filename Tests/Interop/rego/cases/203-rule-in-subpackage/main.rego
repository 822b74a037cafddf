package p
w := data.p.q.v + 1
