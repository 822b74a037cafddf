package p

x := strings.reverse("abc")
