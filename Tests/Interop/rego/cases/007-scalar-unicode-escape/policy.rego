package p

x := "caf\u00e9 \ud83d\ude00"
