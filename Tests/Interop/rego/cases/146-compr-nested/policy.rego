package p

x := [[y | some y in row; y > 1] | some row in input.rows]
