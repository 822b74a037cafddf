import Testing

@testable import Rego

@Suite struct WithTests {
    @Test func withInputReplacesPathsAndWholeInput() throws {
        #expect(try RegoTest.eval("y if input.role == \"admin\"\nx if y with input.role as \"admin\"", input: ["role": "dev"]) == true)
        #expect(try RegoTest.eval("y := input.a\nx := z if { z := y with input as {\"a\": 9} }", input: ["a": 1]) == 9)
        #expect(try RegoTest.eval("y := input.d.e\nx := z if { z := y with input.d.e as 3 }", input: nil) == 3)
    }

    @Test func withDataReplacesBaseDocumentsAndRules() throws {
        let data: RegoValue = ["items": [1]]
        #expect(try RegoTest.eval("y := count(data.items)\nx := z if { z := y with data.items as [1, 2, 3] }", data: data) == 3)
        #expect(try RegoTest.eval("y := 1\nz := y + 1\nx := v if { v := z with data.p.y as 10 }") == 11)
        #expect(try RegoTest.eval("c := data.cfg\nx := v if { v := c with data.cfg.limit as 5 }", data: ["cfg": ["name": "n"]]) == ["name": "n", "limit": 5])
    }

    @Test func withOnlyAffectsItsExpression() throws {
        let source = "default b := false\na if input.n > 5\nb if a\nx := [v, b] if { v := b with input.n as 10 }"
        #expect(try RegoTest.eval(source, input: ["n": 1]) == [true, false])
        #expect(try RegoTest.eval("x := [v, input.n] if { v := input.n with input.n as 2 }", input: ["n": 1]) == [2, 1])
    }

    @Test func withOnNegationAndMultipleModifiers() throws {
        #expect(try RegoTest.eval("allow if input.user == \"alice\"\nx if not allow with input.user as \"bob\"") == true)
        #expect(try RegoTest.eval("y := [input.a, input.b]\nx := v if { v := y with input.a as 1 with input.b as 2 }") == [1, 2])
    }
}
