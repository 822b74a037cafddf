package p
import data.config.limits as lim
x := lim.max
