package p
import input
x := input.a
