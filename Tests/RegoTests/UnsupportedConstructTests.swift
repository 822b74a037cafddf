import Testing

@testable import Rego

/// Constructs outside the embedded subset must fail at load time, naming file, position and
/// construct, with the advice to use the OPA backend.
@Suite struct UnsupportedConstructTests {
    static let cases: [(source: String, construct: String, line: Int, column: Int)] = [
        ("x := $\"hello {input.name}\"", "template string", 2, 6),
        ("a.b.c := 1", "dotted (ref) head", 2, 1),
        ("s[x] if { x := 1 }", "without a value", 2, 1),
        ("o[k][j] := 1 if { k := 1; j := 2 }", "multi-segment ref head", 2, 1),
        ("x := http.send({\"method\": \"get\", \"url\": \"http://x\"})", "function 'http.send'", 2, 6),
        ("x if { print(\"hi\") }", "function 'print'", 2, 8),
        ("x := rego.metadata.rule()", "function 'rego.metadata.rule'", 2, 6),
        ("x := io.jwt.decode_verify(\"t\", {})", "function 'io.jwt.decode_verify'", 2, 6),
        ("f(a) := a\ng(a) := 2\nx if { f(1) with f as g }", "'with' replacing a function", 4, 18),
        ("x if { time.now_ns() with time.now_ns as 1 }", "'with' replacing a function", 2, 27),
        ("y := 1\nx if { y with data as {} }", "'with data as", 3, 15),
        ("x if { every [a, b] in [[1, 2]] { a < b } }", "'every' with a pattern", 2, 14),
        ("import future.keywords.not\nx := 1", "import future.keywords.not", 2, 1),
        ("x if { input.xs with input as [[v] | some v in [1]][_] }", "'with' value that iterates", 2, 17),
    ]

    @Test(arguments: cases)
    func rejectedAtLoadTimeWithAdvice(_ entry: (source: String, construct: String, line: Int, column: Int)) throws {
        let error = try #require(RegoTest.loadError(entry.source, filename: "policy.rego"))
        #expect(error.kind == .unsupported)
        #expect(error.message.contains(entry.construct), "\(error.message)")
        #expect(error.message.hasSuffix("not supported by the embedded evaluator; use the OPA backend (HEXR_OPA_URL)"))
        #expect(error.location == RegoLocation(file: "policy.rego", line: entry.line, column: entry.column))
        #expect(error.description.hasPrefix("policy.rego:\(entry.line):\(entry.column): unsupported error:"))
    }

    @Test func unsupportedBuiltinInputFailsAtLoadTimeWhenConstant() throws {
        let regex = try #require(RegoTest.loadError(#"x := regex.match("\\pL+", input.name)"#))
        #expect(regex.kind == .unsupported)
        #expect(regex.message.contains(#"escape \p (in 'regex.match')"#))
        #expect(regex.location?.line == 2)
        let sprintf = try #require(RegoTest.loadError(#"x := sprintf("%*d", [3, 1])"#))
        #expect(sprintf.kind == .unsupported)
        #expect(sprintf.message.hasSuffix(RegoError.opaAdvice))
    }

    @Test func unsupportedBuiltinInputIsAnErrorAtRuntime() throws {
        let error = try #require(RegoTest.evalError("x := regex.match(input.pattern, \"abc\")", input: ["pattern": "\\pL+"]))
        #expect(error.kind == .unsupported)
        #expect(error.message.hasSuffix(RegoError.opaAdvice))
        #expect(try RegoTest.eval("x := regex.match(input.pattern, \"abc\")", input: ["pattern": "("]) == nil)
    }
}
