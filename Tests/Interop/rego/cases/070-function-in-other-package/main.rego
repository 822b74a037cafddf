package p
import data.lib
x := lib.double(4)
