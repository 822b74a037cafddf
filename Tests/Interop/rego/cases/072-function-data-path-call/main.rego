package p
x := data.lib.util.inc(1)
