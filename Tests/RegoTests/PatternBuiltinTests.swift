import Testing

@testable import Rego

@Suite struct PatternBuiltinTests {
    private func glob(_ pattern: String, _ delimiters: String, _ text: String) throws -> RegoValue? {
        try RegoTest.eval("x := glob.match(`\(pattern)`, \(delimiters), `\(text)`)")
    }

    private func regex(_ pattern: String, _ text: String) throws -> RegoValue? {
        try RegoTest.eval("x := regex.match(`\(pattern)`, `\(text)`)")
    }

    @Test func globWildcardsRespectDelimiters() throws {
        #expect(try glob("*.example.com", "[\".\"]", "api.example.com") == true)
        #expect(try glob("*.example.com", "[\".\"]", "a.b.example.com") == false)
        #expect(try glob("**.example.com", "[\".\"]", "a.b.example.com") == true)
        #expect(try glob("spiffe://hexr.local/agent/acme/*", "[\"/\"]", "spiffe://hexr.local/agent/acme/bot") == true)
        #expect(try glob("spiffe://hexr.local/agent/acme/*", "[\"/\"]", "spiffe://hexr.local/agent/acme/bot/x") == false)
        #expect(try glob("a*", "null", "a.b/c") == true)
        #expect(try glob("a*", "[]", "a.b") == false)
    }

    @Test func globClassesAlternativesEscapes() throws {
        #expect(try glob("a?c", "[]", "abc") == true)
        #expect(try glob("a?c", "[\"b\"]", "abc") == false)
        #expect(try glob("[a-c]x", "[]", "bx") == true)
        #expect(try glob("[!a-c]x", "[]", "bx") == false)
        #expect(try glob("[!a-c]x", "[]", "zx") == true)
        #expect(try glob("{api,www}.example.com", "[\".\"]", "www.example.com") == true)
        #expect(try glob("{api,www}.example.com", "[\".\"]", "ftp.example.com") == false)
        #expect(try glob("{a,{b,c}d}", "[]", "cd") == true)
        #expect(try glob("a\\*b", "[]", "a*b") == true)
        #expect(try glob("a\\*b", "[]", "axb") == false)
    }

    @Test func malformedGlobsAreUndefined() throws {
        #expect(try glob("{a,b", "[]", "a") == nil)
        #expect(try glob("[a-", "[]", "a") == nil)
        #expect(try glob("[z-a]", "[]", "a") == nil)
    }

    @Test func globWithManyStarsStaysFast() throws {
        let text = String(repeating: "a", count: 200) + "b"
        #expect(try glob("*a*a*a*a*a*a*a*a*c", "[]", text) == false)
    }

    @Test func regexBasics() throws {
        #expect(try regex("^[a-z]+-[0-9]+$", "abc-123") == true)
        #expect(try regex("^[a-z]+$", "abc1") == false)
        #expect(try regex("b+", "aabbcc") == true)
        #expect(try regex(#"^\d{3}-\w+\s?$"#, "123-ab_c ") == true)
        #expect(try regex(#"^\D+$"#, "12") == false)
        #expect(try regex("^(foo|bar)(baz)?$", "barbaz") == true)
        #expect(try regex("^(?:foo|bar)$", "qux") == false)
        #expect(try regex("^a{2,3}$", "aaa") == true)
        #expect(try regex("^a{2,3}$", "aaaa") == false)
        #expect(try regex("^(ab)*$", "ababab") == true)
        #expect(try regex("^a.c$", "a\nc") == false)
        #expect(try regex("(?s)^a.c$", "a\nc") == true)
    }

    @Test func regexFlagsClassesAnchors() throws {
        #expect(try regex("(?i)^hello$", "HeLLo") == true)
        #expect(try regex("(?i:ab)c", "ABc") == true)
        #expect(try regex("(?i:ab)c", "ABC") == false)
        #expect(try regex("(?m)^b$", "a\nb\nc") == true)
        #expect(try regex("^b$", "a\nb\nc") == false)
        #expect(try regex(#"\bcat\b"#, "a cat here") == true)
        #expect(try regex(#"\bcat\b"#, "concatenate") == false)
        #expect(try regex("^[[:alpha:]]+[[:digit:]]$", "abc1") == true)
        #expect(try regex(#"^[^\s]+$"#, "no-spaces") == true)
        #expect(try regex(#"^\x41\x{42}$"#, "AB") == true)
        #expect(try regex("^(?P<name>[a-z]+)$", "abc") == true)
        #expect(try regex("^spiffe://[^/]+/agent/[^/]+/[^/]+$", "spiffe://hexr.local/agent/acme/bot") == true)
        #expect(try regex("^é+$", "ééé") == true)
    }

    @Test func invalidOrUnsupportedRegexIsUndefined() throws {
        #expect(try regex("(unclosed", "x") == nil)
        #expect(try regex("a**", "a") == nil)
        #expect(try regex(#"\y"#, "y") == nil)
        #expect(try RegoTest.eval(#"x := [regex.is_valid("a+"), regex.is_valid("(")]"#) == [true, false])
    }

    @Test func regexHasNoCatastrophicBacktracking() throws {
        let text = String(repeating: "a", count: 5000) + "!"
        #expect(try regex("^(a+)+$", text) == false)
    }
}
