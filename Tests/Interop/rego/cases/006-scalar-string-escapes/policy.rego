package p

x := "tab\tquote\"slash\\ nl\n"
