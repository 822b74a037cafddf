package p

x := ["é" > "z", "Z" < "a", "a" < "aa"]
