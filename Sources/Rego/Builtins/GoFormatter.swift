/// A subset of Go's `fmt.Sprintf`, fed with operands as OPA converts them: integers as Go ints,
/// other numbers as float64, strings as strings, everything else as its Rego text (a string).
struct GoFormatter {
    enum Operand {
        case int(String)  // decimal digits with optional leading "-"
        case float(Double)
        case string(String)

        var goType: String {
            switch self {
            case .int: "int"
            case .float: "float64"
            case .string: "string"
            }
        }
    }

    struct Spec {
        var minus = false, plus = false, sharp = false, space = false, zero = false
        var width: Int?
        var precision: Int?
    }

    static func operand(_ value: RegoValue) -> Operand {
        switch value {
        case .number(let n):
            if let i = n.intValue { return .int(String(i)) }
            let d = n.doubleValue
            if d.rounded(.towardZero) == d { return .int(n.description) }
            return .float(d)
        case .string(let s):
            return .string(s)
        default:
            return .string(value.description)
        }
    }

    static func format(_ format: String, _ operands: [Operand]) throws(BuiltinError) -> String {
        var out = ""
        let scalars = Array(format.unicodeScalars)
        var index = 0, next = 0
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            guard c == "%" else {
                out.unicodeScalars.append(c)
                continue
            }
            var spec = Spec()
            flags: while index < scalars.count {
                switch scalars[index] {
                case "-": spec.minus = true
                case "+": spec.plus = true
                case "#": spec.sharp = true
                case " ": spec.space = true
                case "0": spec.zero = true
                default: break flags
                }
                index += 1
            }
            spec.width = readNumber(scalars, &index)
            if index < scalars.count, scalars[index] == "." {
                index += 1
                spec.precision = readNumber(scalars, &index) ?? 0
            }
            if index < scalars.count, scalars[index] == "*" {
                throw BuiltinError.unsupported("sprintf with a '*' width or precision")
            }
            guard index < scalars.count else {
                out += "%!(NOVERB)"
                break
            }
            let verb = Character(scalars[index])
            index += 1
            if verb == "%" {
                out += "%"
                continue
            }
            guard next < operands.count else {
                out += "%!\(verb)(MISSING)"
                continue
            }
            out += try formatOne(operands[next], verb: verb, spec: spec)
            next += 1
        }
        if next < operands.count {
            let extras = operands[next...].map { "\($0.goType)=\(plain($0))" }
            out += "%!(EXTRA " + extras.joined(separator: ", ") + ")"
        }
        return out
    }

    private static func readNumber(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Int? {
        var value: Int?
        while index < scalars.count, let digit = scalars[index].properties.numericType == .decimal ? Int(String(scalars[index])) : nil {
            value = (value ?? 0) * 10 + digit
            index += 1
        }
        return value
    }

    /// The `%v` text of an operand.
    private static func plain(_ operand: Operand) -> String {
        switch operand {
        case .int(let digits): digits
        case .float(let d): FloatFormat.general(d, precision: nil, upper: false)
        case .string(let s): s
        }
    }

    private static func formatOne(_ operand: Operand, verb: Character, spec: Spec) throws(BuiltinError) -> String {
        switch (operand, verb) {
        case (.string(let s), "v"), (.string(let s), "s"):
            let text = spec.precision.map { String(String.UnicodeScalarView(s.unicodeScalars.prefix($0))) } ?? s
            return pad(text, spec, numeric: false)
        case (.string(let s), "q"):
            return pad(GoQuote.quote(s), spec, numeric: false)
        case (.string(let s), "x"), (.string(let s), "X"):
            let hex = s.utf8.map { byte in
                let h = String(byte, radix: 16, uppercase: verb == "X")
                return h.count == 1 ? "0" + h : h
            }.joined()
            return pad(hex, spec, numeric: false)
        case (.int(let digits), "v"), (.int(let digits), "d"):
            return integer(digits, radix: 10, spec: spec, prefix: "")
        case (.int(let digits), "x"), (.int(let digits), "X"), (.int(let digits), "o"), (.int(let digits), "O"),
            (.int(let digits), "b"):
            guard let value = Int64(digits) else { throw BuiltinError.unsupported("sprintf %\(verb) of an integer beyond 64 bits") }
            let radix = verb == "o" || verb == "O" ? 8 : (verb == "b" ? 2 : 16)
            var text = String(value.magnitude, radix: radix, uppercase: verb == "X")
            if value < 0 { text = "-" + text }
            var prefix = spec.sharp ? (radix == 16 ? (verb == "X" ? "0X" : "0x") : (radix == 8 ? "0" : "")) : ""
            if verb == "O" { prefix = "0o" }
            return integer(text, radix: radix, spec: spec, prefix: prefix)
        case (.int(let digits), "c"):
            return pad(String(scalarOrReplacement(digits)), spec, numeric: false)
        case (.int(let digits), "U"):
            guard let code = UInt32(digits) else { return pad("U+FFFD", spec, numeric: false) }
            let hex = String(code, radix: 16, uppercase: true)
            return pad("U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex, spec, numeric: false)
        case (_, "T"):
            return pad(operand.goType, spec, numeric: false)
        case (.float(let d), "v"), (.float(let d), "g"), (.float(let d), "G"):
            return sign(FloatFormat.general(d, precision: spec.precision, upper: verb == "G"), d < 0, spec)
        case (.float(let d), "f"), (.float(let d), "F"):
            return sign(FloatFormat.fixed(d, precision: spec.precision ?? 6), d < 0, spec)
        case (.float(let d), "e"), (.float(let d), "E"):
            return sign(FloatFormat.scientific(d, precision: spec.precision ?? 6, upper: verb == "E"), d < 0, spec)
        case (.int, "q"), (.float, "b"), (.float, "x"), (.float, "X"):
            throw BuiltinError.unsupported("sprintf %\(verb) of a \(operand.goType)")
        default:
            return "%!\(verb)(\(operand.goType)=\(plain(operand)))"
        }
    }

    private static func scalarOrReplacement(_ digits: String) -> Unicode.Scalar {
        UInt32(digits).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
    }

    private static func integer(_ text: String, radix: Int, spec: Spec, prefix: String) -> String {
        var magnitude = text.hasPrefix("-") ? String(text.dropFirst()) : text
        if let precision = spec.precision {
            if precision == 0 && magnitude == "0" { magnitude = "" }
            magnitude = String(repeating: "0", count: max(0, precision - magnitude.count)) + magnitude
        }
        var spec = spec
        if spec.precision != nil { spec.zero = false }
        return sign(prefix + magnitude, text.hasPrefix("-"), spec)
    }

    /// Adds the sign (from flags) and pads; zero padding goes between sign and digits.
    private static func sign(_ magnitudeText: String, _ negative: Bool, _ spec: Spec) -> String {
        var body = magnitudeText
        if body.hasPrefix("-") { body.removeFirst() }
        let signText = negative ? "-" : (spec.plus ? "+" : (spec.space ? " " : ""))
        if spec.zero && !spec.minus, let width = spec.width {
            let fill = max(0, width - signText.count - body.unicodeScalars.count)
            return signText + String(repeating: "0", count: fill) + body
        }
        return pad(signText + body, spec, numeric: true)
    }

    private static func pad(_ text: String, _ spec: Spec, numeric: Bool) -> String {
        guard let width = spec.width else { return text }
        let fill = max(0, width - text.unicodeScalars.count)
        if spec.minus { return text + String(repeating: " ", count: fill) }
        return String(repeating: spec.zero && !numeric ? "0" : " ", count: fill) + text
    }
}
