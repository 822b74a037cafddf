package p

x := [count([1, 2]), count({1}), count({"a": 1}), count("héllo"), count([])]
