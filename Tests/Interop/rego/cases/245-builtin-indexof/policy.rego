package p

x := [indexof("hello", "l"), indexof("hello", "z"), indexof("héllo", "l")]
