package p
import rego.v1
import future.keywords.in
x := 1
