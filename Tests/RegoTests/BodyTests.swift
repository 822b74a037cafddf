import Testing

@testable import Rego

@Suite struct BodyTests {
    @Test func assignmentAndDestructuring() throws {
        #expect(try RegoTest.eval("x := [a, b] if { [a, b] := [1, 2] }") == [1, 2])
        #expect(try RegoTest.eval("x := enc if { [_, enc] := split(input.h, \" \") }", input: ["h": "Bearer t0k"]) == "t0k")
        #expect(try RegoTest.eval("x := v if { {\"k\": v} := input.o }", input: ["o": ["k": 1]]) == 1)
        #expect(try RegoTest.eval("x := b if { [a, b] := input.arr }", input: ["arr": [1, 2, 3]]) == nil)
    }

    @Test func unificationInBothDirections() throws {
        #expect(try RegoTest.eval("x := y if { y = input.a }", input: ["a": "v"]) == "v")
        #expect(try RegoTest.eval("x := y if { input.a = y }", input: ["a": "v"]) == "v")
        #expect(try RegoTest.eval("x := [a, b] if { [a, 1] = [2, b] }") == [2, 1])
        #expect(try RegoTest.eval("x if { y := 2; y = 3 }") == nil)
        #expect(try RegoTest.eval("x := a if { [a, a] = [1, 2] }") == nil)
    }

    @Test func bodiesAreReorderedForSafety() throws {
        #expect(try RegoTest.eval("x := z if { z == 4; z = input.n }", input: ["n": 4]) == 4)
        #expect(try RegoTest.eval("x := [i | v := input.xs[i]; v == \"b\"]", input: ["xs": ["a", "b", "b"]]) == [1, 2])
    }

    @Test func undefinedIsNotFalse() throws {
        #expect(try RegoTest.eval("x if input.missing == 1", input: [:]) == nil)
        #expect(try RegoTest.eval("x if not input.missing", input: [:]) == true)
        #expect(try RegoTest.eval("x if not input.flag", input: ["flag": false]) == true)
        #expect(try RegoTest.eval("x if not input.flag", input: ["flag": true]) == nil)
        #expect(try RegoTest.eval("x := input.flag", input: ["flag": false]) == false)
        #expect(try RegoTest.eval("x := [1, input.missing]", input: [:]) == nil)
        #expect(try RegoTest.eval("x := upper(input.missing)", input: [:]) == nil)
        #expect(try RegoTest.eval("x := input.a", input: nil) == nil)
    }

    @Test func negationQuantifiesLocalVariables() throws {
        #expect(try RegoTest.eval("x if not input.xs[_] == \"bad\"", input: ["xs": ["ok"]]) == true)
        #expect(try RegoTest.eval("x if not input.xs[_] == \"bad\"", input: ["xs": ["ok", "bad"]]) == nil)
        #expect(try RegoTest.eval("x := [v | some v in input.xs; not v == 2]", input: ["xs": [1, 2, 3]]) == [1, 3])
    }

    @Test func someInForms() throws {
        let input: RegoValue = ["xs": ["a", "b"], "m": ["k": 1, "j": 2], "pairs": [["x", 1], ["y", 2]]]
        #expect(try RegoTest.eval("x := [v | some v in input.xs]", input: input) == ["a", "b"])
        #expect(try RegoTest.eval("x := [[i, v] | some i, v in input.xs]", input: input) == [[0, "a"], [1, "b"]])
        #expect(try RegoTest.eval("x := [[k, v] | some k, v in input.m]", input: input) == [["j", 2], ["k", 1]])
        #expect(try RegoTest.eval("x := [v | some v in {3, 1, 2}]") == [1, 2, 3])
        #expect(try RegoTest.eval("x := [a | some [a, 1] in input.pairs]", input: input) == ["x"])
        #expect(try RegoTest.eval("x := [i | some i; input.xs[i] == \"b\"]", input: input) == [1])
    }

    @Test func everyQuantifies() throws {
        let source = "x if {\n  every k, v in input.m { startswith(v, k) }\n}"
        #expect(try RegoTest.eval(source, input: ["m": ["a": "apple", "b": "banana"]]) == true)
        #expect(try RegoTest.eval(source, input: ["m": ["a": "apple", "b": "cherry"]]) == nil)
        #expect(try RegoTest.eval(source, input: ["m": [:]]) == true)
        #expect(try RegoTest.eval(source, input: [:]) == nil)
        #expect(try RegoTest.eval("x if every v in input.xs { v > 0 }", input: ["xs": [1, 2]]) == true)
        #expect(try RegoTest.eval("x if { lim := 2; every v in input.xs { v < lim } }", input: ["xs": [1, 2]]) == nil)
    }

    @Test func membership() throws {
        #expect(try RegoTest.eval("x := [\"b\" in [\"a\", \"b\"], 3 in {1}, 1 in {\"a\": 1}, \"a\" in \"abc\"]") == [true, false, true, false])
        #expect(try RegoTest.eval("x := [k | some k in [0, 1]; k, \"b\" in [\"a\", \"b\"]]") == [1])
        #expect(try RegoTest.eval("x if input.role in {\"admin\", \"owner\"}", input: ["role": "owner"]) == true)
    }

    @Test func comprehensions() throws {
        let input: RegoValue = ["xs": [1, 2, 2], "m": ["a": [1], "b": [1, 2]]]
        #expect(try RegoTest.eval("x := [v * 2 | some v in input.xs]", input: input) == [2, 4, 4])
        #expect(try RegoTest.eval("x := {v | some v in input.xs}", input: input) == .set(RegoSet([1, 2])))
        #expect(try RegoTest.eval("x := {k: count(v) | some k, v in input.m}", input: input) == ["a": 1, "b": 2])
        #expect(try RegoTest.eval("x := ys if { lim := 2; ys := [v | some v in input.xs; v >= lim] }", input: input) == [2, 2])
        #expect(RegoTest.evalError("x := {\"k\": v | some v in input.xs}", input: input)?.kind == .evaluation)
    }

    @Test func arithmeticAndSetOperators() throws {
        #expect(try RegoTest.eval("x := [1 + 2 * 3, (1 + 2) * 3, 10 / 4, 9 / 3, -7 % 3, 0.5 + 0.25]") == [7, 9, 2.5, 3, -1, 0.75])
        #expect(try RegoTest.eval("x := 1 / 0") == nil)
        #expect(try RegoTest.eval("x := 1 + input.s", input: ["s": "a"]) == nil)
        #expect(try RegoTest.eval("x := [({1, 2} | {3}), {1, 2} & {2}, {1, 2} - {1}]") == [.set(RegoSet([1, 2, 3])), .set(RegoSet([2])), .set(RegoSet([2]))])
    }

    @Test func comparisonsUseOPAOrder() throws {
        #expect(try RegoTest.eval("x := [1 == 1.0, null < false, false < 0, 0 < \"\", \"\" < [], [] < {}, [1] < [1, 0]]") == [true, true, true, true, true, true, true])
    }

    @Test func refsOnCallsAndLiterals() throws {
        #expect(try RegoTest.eval("x := split(\"a.b.c\", \".\")[1]") == "b")
        #expect(try RegoTest.eval("x := [10, 20][i] if { i := 1 }") == 20)
        #expect(try RegoTest.eval("x := input.m[input.k]", input: ["m": ["q": 1], "k": "q"]) == 1)
        #expect(try RegoTest.eval("x := data.roles[input.u][0]", input: ["u": "bob"], data: ["roles": ["bob": ["dev"]]]) == "dev")
    }
}
