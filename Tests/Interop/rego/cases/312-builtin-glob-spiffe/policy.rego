package p

x := [glob.match("spiffe://hexr.local/agent/acme/*", ["/"], "spiffe://hexr.local/agent/acme/bot"), glob.match("spiffe://hexr.local/agent/acme/*", ["/"], "spiffe://hexr.local/agent/acme/bot/x")]
