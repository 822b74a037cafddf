package p

x := [lower("MiXeD"), upper("MiXeD"), upper("straße")]
