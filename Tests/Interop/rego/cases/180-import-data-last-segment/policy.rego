package p
import data.config
x := config.name
