package p
import future.keywords.in
x if 1 in [1]
