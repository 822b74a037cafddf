package p

x := `raw \n "quoted" C:\path`
