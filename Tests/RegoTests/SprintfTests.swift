import Testing

@testable import Rego

/// `sprintf` follows Go's `fmt` with operands converted as OPA converts them.
@Suite struct SprintfTests {
    private func format(_ pattern: String, _ operands: String) throws -> RegoValue? {
        try RegoTest.eval("x := sprintf(\(pattern), \(operands))")
    }

    @Test func valuesAndStrings() throws {
        #expect(try format(#""%v|%v|%v|%v|%v""#, #"["s", 1, 1.5, true, null]"#) == "s|1|1.5|true|null")
        #expect(try format(#""%v %v %v %v""#, #"[[1, "a"], {"k": "v"}, {1, 2}, set()]"#) == #"[1, "a"] {"k": "v"} {1, 2} set()"#)
        #expect(try format(#""%s has %d""#, #"["cart", 3]"#) == "cart has 3")
    }

    @Test func floats() throws {
        #expect(try format(#""%f|%.2f|%.0f|%.0f|%.1f""#, "[1.5, 3.14159, 2.5, 3.5, 0.05]") == "1.500000|3.14|2|4|0.1")
        #expect(try format(#""%e|%E|%.2e""#, "[1234.5678, 0.00012, 1.5]") == "1.234568e+03|1.200000E-04|1.50e+00")
        #expect(try format(#""%g|%g|%v|%v|%.3g""#, "[0.00001234, 123456789.5, 1234567.5, 0.5, 3.14159]") == "1.234e-05|1.234567895e+08|1.2345675e+06|0.5|3.14")
    }

    @Test func integersInOtherBases() throws {
        #expect(try format(#""%x|%X|%o|%b|%#x|%c""#, "[255, 255, 8, 5, 255, 65]") == "ff|FF|10|101|0xff|A")
        #expect(try format(#""%x""#, #"["hi"]"#) == "6869")
        #expect(try format(#""%T|%T|%T|%U|%O""#, #"[1, "s", 1.5, 65, 8]"#) == "int|string|float64|U+0041|0o10")
    }

    @Test func widthFlagsAndPrecision() throws {
        #expect(try format(#""[%5d][%-5d][%05d][%+d][% d][%5s][%-4s|][%.2s][%6.2f]""#, #"[42, 42, 42, 7, 7, "ab", "ab", "abc", 3.14159]"#) == "[   42][42   ][00042][+7][ 7][   ab][ab  |][ab][  3.14]")
        #expect(try format(#""%05d""#, "[-42]") == "-0042")
    }

    @Test func quoting() throws {
        #expect(try format(#""%q""#, #"["a\"b\n"]"#) == #""a\"b\n""#)
    }

    @Test func goStyleMismatches() throws {
        #expect(try format(#""%d""#, "[1.5]") == "%!d(float64=1.5)")
        #expect(try format(#""%s""#, "[3]") == "%!s(int=3)")
        #expect(try format(#""%t""#, "[true]") == "%!t(string=true)")
        #expect(try format(#""%s %s""#, #"["a"]"#) == "a %!s(MISSING)")
        #expect(try format(#""%s""#, #"["a", 2]"#) == "a%!(EXTRA int=2)")
        #expect(try format(#""100%%""#, "[]") == "100%")
    }

    @Test func badOperandsAreUndefined() throws {
        #expect(try RegoTest.eval("x := sprintf(input.f, [])", input: ["f": 1]) == nil)
    }
}
