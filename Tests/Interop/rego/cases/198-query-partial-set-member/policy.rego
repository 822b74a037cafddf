package p

s contains "a"
