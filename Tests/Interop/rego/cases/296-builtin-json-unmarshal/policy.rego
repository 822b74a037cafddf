package p

x := json.unmarshal("{\"a\": [1, 2.5, true, null, \"s\"]}")
