package p
import rego.v1
x if input.a
