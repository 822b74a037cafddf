package p

x := json.unmarshal("{bad")
