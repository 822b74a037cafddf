package p

x := ["a" < "b", "B" < "a", "abc" > "ab", "" < "a"]
