package p

x := regex.match("^spiffe://[^/]+/agent/[^/]+/[^/]+$", "spiffe://hexr.local/agent/acme/bot")
