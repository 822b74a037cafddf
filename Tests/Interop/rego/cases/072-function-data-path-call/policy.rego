package lib.util
inc(n) := n + 1
