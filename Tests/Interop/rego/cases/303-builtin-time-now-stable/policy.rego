package p

x := time.now_ns() == time.now_ns()
