import Testing

@testable import Rego

@Suite struct RuleTests {
    @Test func completeRulesAndDefaults() throws {
        let source = "default allow := false\nallow if input.user == \"admin\""
        #expect(try RegoTest.eval(source, query: "data.p.allow", input: ["user": "admin"]) == true)
        #expect(try RegoTest.eval(source, query: "data.p.allow", input: ["user": "bob"]) == false)
        #expect(try RegoTest.eval("allow if input.user == \"admin\"", query: "data.p.allow", input: ["user": "bob"]) == nil)
    }

    @Test func multipleBodiesAreAlternatives() throws {
        let source = "x if input.a == 1\nx if input.b == 1"
        #expect(try RegoTest.eval(source, input: ["a": 0, "b": 1]) == true)
        #expect(try RegoTest.eval(source, input: ["a": 0, "b": 0]) == nil)
    }

    @Test func conflictingOutputsAreAnEvaluationError() throws {
        let error = try #require(RegoTest.evalError("x := 1 if input.a\nx := 2 if input.b", input: ["a": true, "b": true]))
        #expect(error.kind == .evaluation)
        #expect(error.message.contains("complete rules must not produce multiple outputs"))
        #expect(try RegoTest.eval("x := 1 if input.a\nx := 2 if input.b", input: ["a": true, "b": false]) == 1)
    }

    @Test func elseChains() throws {
        let source = "x := \"a\" if input.n == 1 else := \"b\" if input.n == 2 else := \"c\""
        #expect(try RegoTest.eval(source, input: ["n": 1]) == "a")
        #expect(try RegoTest.eval(source, input: ["n": 2]) == "b")
        #expect(try RegoTest.eval(source, input: ["n": 3]) == "c")
        #expect(try RegoTest.eval("x if input.a else := false", input: ["a": false]) == false)
    }

    @Test func partialSetsCollectAndAreEmptyWhenNothingMatches() throws {
        let source = "s contains v if { some v in input.xs; v > 1 }"
        #expect(try RegoTest.eval(source, query: "data.p.s", input: ["xs": [3, 1, 2, 3]]) == .set(RegoSet([2, 3])))
        #expect(try RegoTest.eval(source, query: "data.p.s", input: ["xs": [1]]) == .emptySet)
        #expect(try RegoTest.eval(source + "\nx := s[3]", input: ["xs": [3]]) == 3)
        #expect(try RegoTest.eval(source + "\nx := s[9]", input: ["xs": [3]]) == nil)
    }

    @Test func partialObjectsAndKeyConflicts() throws {
        let source = "o[k] := v if { some k, v in input.m; v > 1 }"
        #expect(try RegoTest.eval(source, query: "data.p.o", input: ["m": ["a": 1, "b": 2]]) == ["b": 2])
        #expect(try RegoTest.eval(source, query: "data.p.o.b", input: ["m": ["b": 2]]) == 2)
        let error = try #require(RegoTest.evalError("o[k] := v if { some v in input.xs; k := \"same\" }\nx := o", input: ["xs": [1, 2]]))
        #expect(error.message.contains("object keys must be unique"))
    }

    @Test func functionsWithPatternsElseAndDefaults() throws {
        let source = """
            f(0) := "zero"
            f(n) := "neg" if n < 0
            f(n) := "pos" if n > 0
            g([a, b]) := a + b
            h(n) := "one" if n == 1 else := "other"
            default k(_) := "none"
            k(n) := "big" if n > 10
            x := [f(-2), f(0), f(5), g([1, 2]), h(1), h(2), k(1), k(11)]
            """
        #expect(try RegoTest.eval(source) == ["neg", "zero", "pos", 3, "one", "other", "none", "big"])
    }

    @Test func functionConflictsAreErrors() throws {
        let error = try #require(RegoTest.evalError("f(a) := 1 if a > 0\nf(a) := 2 if a > 1\nx := f(5)"))
        #expect(error.message.contains("functions must not produce multiple outputs"))
    }

    @Test func functionOutputArgument() throws {
        #expect(try RegoTest.eval("x := parts if { split(\"a.b\", \".\", parts) }") == ["a", "b"])
        #expect(try RegoTest.eval("f(a) := a * 2\nx := y if { f(2, y) }") == 4)
    }

    @Test func packageDocumentsAndSubpackages() throws {
        let modules = [
            try RegoModule.parse(source: "package a\nx := 1\nf(n) := n\ns contains 2", filename: "a.rego"),
            try RegoModule.parse(source: "package a.b\ny := 2", filename: "b.rego"),
        ]
        let policy = try RegoPolicy(modules: modules)
        let document = try policy.evaluate(query: "data.a", input: nil, data: ["a": ["base": true]])
        #expect(document == ["base": true, "x": 1, "s": .set(RegoSet([2])), "b": ["y": 2]])
        #expect(try policy.evaluate(query: "data.a.b.y", input: nil, data: .emptyObject) == 2)
    }

    @Test func rulesAcrossModulesAndImports() throws {
        let modules = [
            try RegoModule.parse(source: "package lib\ndouble(n) := n * 2\nlimit := 10", filename: "lib.rego"),
            try RegoModule.parse(source: "package p\nimport data.lib\nimport data.lib.limit as max\nx := lib.double(max)", filename: "p.rego"),
        ]
        #expect(try RegoPolicy(modules: modules).evaluate(query: "data.p.x", input: nil, data: .emptyObject) == 20)
    }

    @Test func ruleIndexSelectsDefinitionsByInputConstant() throws {
        let source = """
            allow if { input.method == "GET"; input.path == "/public" }
            allow if { input.method == "POST"; input.user == "admin" }
            allow if { "DELETE" == input.method; input.user == "root" }
            allow if input.override
            """
        let policy = try RegoTest.policy(source)
        let index = try #require(policy.program.ruleSets.first { $0.path == ["p", "allow"] }?.index)
        #expect(index.inputPath == ["method"])
        #expect(index.byValue["GET"] == [0, 3])
        #expect(index.unconstrained == [3])
        func allow(_ input: RegoValue) throws -> RegoValue? {
            try policy.evaluate(query: "data.p.allow", input: input, data: .emptyObject)
        }
        #expect(try allow(["method": "GET", "path": "/public"]) == true)
        #expect(try allow(["method": "POST", "user": "admin"]) == true)
        #expect(try allow(["method": "DELETE", "user": "root"]) == true)
        #expect(try allow(["method": "POST", "user": "bob"]) == nil)
        #expect(try allow(["method": "PUT", "override": true]) == true)
        #expect(try allow(["override": true]) == true)
        #expect(try allow([:]) == nil)
    }

    @Test func testRuleDiscovery() throws {
        let modules = [
            try RegoModule.parse(source: "package p\nallow if input.ok\ntest_allow if allow with input as {\"ok\": true}\ntest_deny if not allow", filename: "p.rego"),
            try RegoModule.parse(source: "package q\ntest_other := true\ntest_fn(x) := x\nhelper := 1", filename: "q.rego"),
        ]
        let policy = try RegoPolicy(modules: modules)
        #expect(policy.testRules() == ["data.p.test_allow", "data.p.test_deny", "data.q.test_other"])
        for name in policy.testRules() {
            #expect(try policy.evaluate(query: name, input: nil, data: .emptyObject) == true)
        }
    }
}
