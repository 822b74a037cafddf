import Testing

@testable import Rego

@Suite struct StringBuiltinTests {
    private func value(_ expression: String, input: RegoValue? = nil) throws -> RegoValue? {
        try RegoTest.eval("x := " + expression, input: input)
    }

    @Test func prefixSuffixContains() throws {
        #expect(try value(#"[startswith("spiffe://a", "spiffe://"), startswith("a", "ab"), endswith("f.rego", ".rego"), contains("hello", "ell"), contains("a", "")]"#) == [true, false, true, true, true])
        #expect(try value(#"startswith(input.n, "a")"#, input: ["n": 1]) == nil)
    }

    @Test func splitConcatReplace() throws {
        #expect(try value(#"split("a,b,,c", ",")"#) == ["a", "b", "", "c"])
        #expect(try value(#"split("", ",")"#) == [""])
        #expect(try value(#"split("héj", "")"#) == ["h", "é", "j"])
        #expect(try value(#"[concat("/", ["a", "b"]), concat(",", {"b", "a"}), concat(",", [])]"#) == ["a/b", "a,b", ""])
        #expect(try value(#"concat(",", input.xs)"#, input: ["xs": [1]]) == nil)
        #expect(try value(#"[replace("a.b.c", ".", "/"), replace("ab", "", "-")]"#) == ["a/b/c", "-a-b-"])
    }

    @Test func caseMappingFollowsGo() throws {
        #expect(try value(#"[lower("MiXeD"), upper("MiXeD"), upper("straße"), lower("ÀÉ")]"#) == ["mixed", "MIXED", "STRAßE", "àé"])
    }

    @Test func trimming() throws {
        #expect(try value(#"[trim("--a-b--", "-"), trim("abcba", "ab"), trim_left("xxaxx", "x"), trim_right("xxaxx", "x")]"#) == ["a-b", "c", "axx", "xxa"])
        #expect(try value(#"[trim_prefix("pre-body", "pre-"), trim_prefix("body", "x"), trim_suffix("b.json", ".json")]"#) == ["body", "body", "b"])
        #expect(try value(#"trim_space(" \t\n padded \r\n ")"#) == "padded")
    }

    @Test func indexingIsByCharacter() throws {
        #expect(try value(#"[indexof("héllo", "l"), indexof("hello", "z"), count("héllo")]"#) == [2, -1, 5])
        #expect(try value(#"[substring("héllo", 1, 3), substring("hello", 2, -1), substring("hello", 9, 2)]"#) == ["éll", "llo", ""])
        #expect(try value(#"substring("hello", -1, 2)"#) == nil)
        #expect(try value(#"strings.reverse("héj")"#) == "jéh")
    }

    @Test func anyPrefixMatch() throws {
        #expect(try value(#"[strings.any_prefix_match("spiffe://x", ["http://", "spiffe://"]), strings.any_prefix_match(["a", "b"], "c"), strings.any_prefix_match({"ab"}, {"a"})]"#) == [true, false, true])
    }

    @Test func formatInt() throws {
        #expect(try value(#"[format_int(255, 16), format_int(8, 2), format_int(-10, 10), format_int(7.9, 10), format_int(-7.5, 10), format_int(64, 8)]"#) == ["ff", "1000", "-10", "7", "-8", "100"])
        #expect(try value(#"format_int(10, 3)"#) == nil)
    }
}
