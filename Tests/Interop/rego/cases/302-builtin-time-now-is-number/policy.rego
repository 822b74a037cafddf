package p

x := is_number(time.now_ns())
