import Testing

@testable import Rego

@Suite struct CompileErrorTests {
    private func compileError(_ source: String) throws -> RegoError {
        let error = try #require(RegoTest.loadError(source))
        #expect(error.kind == .compile, "\(error)")
        return error
    }

    @Test func unsafeVariableIsNamed() throws {
        let error = try compileError("x if { y > 1 }")
        #expect(error.message.contains("variable 'y' is unsafe"))
        #expect(error.location == RegoLocation(file: "test.rego", line: 2, column: 8))
    }

    @Test func unsafeHeadVariable() throws {
        let error = try compileError("x := y if { input.a }")
        #expect(error.message.contains("'y' is unsafe"))
    }

    @Test func unsafeWildcard() throws {
        let error = try compileError("x := count(_)")
        #expect(error.message.contains("'_'"))
    }

    @Test func variableUsedBeforeDeclaration() throws {
        let error = try compileError("x if { y > 1; y := 2 }")
        #expect(error.message.contains("referenced before its declaration"))
    }

    @Test func variableDeclaredTwice() throws {
        #expect(try compileError("x if { y := 1; y := 2 }").message.contains("declared more than once"))
        #expect(try compileError("x if { some i; some i in [1] }").message.contains("declared more than once"))
    }

    @Test func recursionIsRejected() throws {
        let error = try compileError("a if b\nb if a\nx := a")
        #expect(error.message.contains("recursion is not allowed: data.p.a → data.p.b → data.p.a"))
        #expect(try compileError("f(n) := f(n - 1)\nx := f(1)").message.contains("recursion"))
        #expect(try compileError("x := count(data.p)").message.contains("data.p.x → data.p.x"))
    }

    @Test func unknownFunctionNamesTheCall() throws {
        let error = try #require(RegoTest.loadError("x := lower_case(\"A\")"))
        #expect(error.kind == .unsupported)
        #expect(error.message.contains("'lower_case'"))
    }

    @Test func arityIsChecked() throws {
        #expect(try compileError("f(a) := a\nx := f(1, 2, 3)").message.contains("takes 1 arguments, not 3"))
        #expect(try compileError("x := upper(\"a\", \"b\", \"c\")").message.contains("takes 1 arguments, not 3"))
    }

    @Test func ruleKindsMustAgree() throws {
        #expect(try compileError("x := 1\nx contains 2").message.contains("defined as both"))
        #expect(try compileError("f(a) := 1\nf(a, b) := 2").message.contains("1 and 2 arguments"))
    }

    @Test func reservedNames() throws {
        #expect(try compileError("input := 1").message.contains("must not be named 'input'"))
        #expect(try compileError("x if { data := 1 }").message.contains("shadows the data document"))
    }

    @Test func defaultsMustBeConstantAndUnique() throws {
        #expect(try compileError("default x := input.a").message.contains("must be a constant"))
        #expect(try compileError("default x := 1\ndefault x := 2").message.contains("multiple default rules"))
    }

    @Test func functionsMustBeCalled() throws {
        #expect(try compileError("f(a) := a\nx := f").message.contains("must be called"))
    }

    @Test func importsAreChecked() throws {
        #expect(try compileError("import rego.v2\nx := 1").message.contains("unknown import"))
        #expect(try compileError("import rego.v1\nimport future.keywords.in\nx := 1").message.contains("cannot be combined"))
        #expect(try compileError("import data.a as q\nimport data.b as q\nx := 1").message.contains("more than once"))
        #expect(try compileError("import data.a as x\nx := 1").message.contains("conflicts with a rule"))
    }

    @Test func ruleAndPackagePathsMustNotCollide() throws {
        let modules = [
            try RegoModule.parse(source: "package a\nb := 1", filename: "a.rego"),
            try RegoModule.parse(source: "package a.b\nc := 1", filename: "b.rego"),
        ]
        #expect(throws: RegoError.self) { try RegoPolicy(modules: modules) }
    }

    @Test func queriesAreValidated() throws {
        let policy = try RegoTest.policy("x := 1\nf(a) := a")
        #expect(throws: RegoError.self) { try policy.prepare(query: "data.p.x x") }
        #expect(throws: RegoError.self) { try policy.prepare(query: "data.p[k]") }
        #expect(throws: RegoError.self) { try policy.prepare(query: "y") }
        #expect(throws: RegoError.self) { try policy.prepare(query: "data.p.f") }
        #expect(throws: RegoError.self) { try policy.prepare(query: "\"unterminated") }
        do {
            _ = try policy.prepare(query: "data.p.x +")
            Issue.record("an incomplete query must not compile")
        } catch {
            #expect(error.kind == .query)
        }
    }
}
