import Testing

@testable import Rego

@Suite struct ParserTests {
    private func parseError(_ source: String) -> RegoError? {
        do {
            _ = try RegoModule.parse(source: source, filename: "bad.rego")
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsCarryFileLineAndColumn() throws {
        let error = try #require(parseError("package p\n\nx := 1 ^ 2\n"))
        #expect(error.kind == .parse)
        #expect(error.location == RegoLocation(file: "bad.rego", line: 3, column: 8))
        #expect(error.description.hasPrefix("bad.rego:3:8: parse error:"))
    }

    @Test func unterminatedStringPointsAtItsStart() throws {
        let error = try #require(parseError("package p\nx := \"abc\n"))
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 6)
        #expect(error.message.contains("unterminated string"))
    }

    @Test func invalidEscapeIsReported() throws {
        let error = try #require(parseError(#"package p"# + "\n" + #"x := "a\qb""#))
        #expect(error.message.contains("invalid escape"))
        #expect(error.location?.column == 8)
    }

    @Test func missingClosingBraceIsReported() throws {
        let error = try #require(parseError("package p\nx if {\n  input.a == 1\n"))
        #expect(error.kind == .parse)
        #expect(error.location?.line == 4)
    }

    @Test func v0BodyWithoutIfIsRejected() throws {
        let error = try #require(parseError("package p\nallow { true }\n"))
        #expect(error.message.contains("'if' is required"))
        #expect(error.location == RegoLocation(file: "bad.rego", line: 2, column: 7))
    }

    @Test func packageIsRequired() throws {
        let error = try #require(parseError("x := 1\n"))
        #expect(error.message.contains("'package'"))
    }

    @Test func statementsNeedSeparateLines() throws {
        let error = try #require(parseError("package p\nx := 1 y := 2\n"))
        #expect(error.location?.column == 8)
    }

    @Test func keywordsCannotNameRules() throws {
        let error = try #require(parseError("package p\nsome := 1\n"))
        #expect(error.message.contains("keyword 'some'"))
    }

    @Test func moduleMetadata() throws {
        let module = try RegoModule.parse(source: "package a.b[\"c\"]\nimport rego.v1\nx := 1\ny if x\ny if false\n", filename: "m.rego")
        #expect(module.packagePath == ["a", "b", "c"])
        #expect(module.packageName == "a.b.c")
        #expect(module.ruleNames == ["x", "y"])
        #expect(module.filename == "m.rego")
    }

    @Test func newlinesSeparateExpressionsButNotInsideBrackets() throws {
        let source = """
            x := [a, b] if {
              a := 1 +
                2
              b := [
                3,
                4,
              ]
              c := (a
                + 1)
              c == 4
            }
            """
        #expect(try RegoTest.eval(source) == [3, [3, 4]])
    }

    @Test func commentsAreIgnoredEverywhere() throws {
        let source = "# header\nx := [1, # one\n  2] # trailing\n# end"
        #expect(try RegoTest.eval(source) == [1, 2])
    }

    @Test func containsIsBothAKeywordAndABuiltin() throws {
        let source = "s contains v if { some v in [\"ab\", \"cd\"]; contains(v, \"b\") }\nx := s"
        #expect(try RegoTest.eval(source) == .set(RegoSet(["ab"])))
    }

    @Test func keywordsAreAllowedAsKeys() throws {
        #expect(try RegoTest.eval("x := input.in.not.some", input: ["in": ["not": ["some": 1]]]) == 1)
    }

    @Test func rawStringsKeepBackslashes() throws {
        #expect(try RegoTest.eval("x := `a\\b\n\"c\"`") == "a\\b\n\"c\"")
    }

    @Test func numbersParseAsJSONNumbers() throws {
        #expect(try RegoTest.eval("x := [0, -1, 2.5, 1e2, 1E-2, -0.5]") == [0, -1, 2.5, 100, 0.01, -0.5])
        #expect(parseError("package p\nx := 01") != nil)
        #expect(parseError("package p\nx := 1e") != nil)
        #expect(parseError("package p\nx := 1x") != nil)
    }
}
