package p

x := json.marshal({"b": [1, "x"], "a": {"c": null}})
