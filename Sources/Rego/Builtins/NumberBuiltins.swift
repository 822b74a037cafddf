/// Numeric builtins.
enum NumberBuiltins {
    static let all: [Builtin] = [
        Builtin("abs", arity: 1) { (args, _) throws(BuiltinError) in
            let n = try args.number(0)
            if let i = n.intValue, i != .min { return .number(RegoNumber(abs(i))) }
            return .double(abs(n.doubleValue))
        },
        Builtin("round", arity: 1) { (args, _) throws(BuiltinError) in
            .double(try args.number(0).doubleValue.rounded(.toNearestOrAwayFromZero))
        },
        Builtin("ceil", arity: 1) { (args, _) throws(BuiltinError) in .double(try args.number(0).doubleValue.rounded(.up)) },
        Builtin("floor", arity: 1) { (args, _) throws(BuiltinError) in .double(try args.number(0).doubleValue.rounded(.down)) },
        Builtin("numbers.range", arity: 2) { (args, _) throws(BuiltinError) in
            let a = try args.integer(0), b = try args.integer(1)
            guard abs(b - a) < 10_000_000 else { throw BuiltinError("numbers.range: range too large") }
            let values = a <= b ? Array(a...b) : Array((b...a).reversed())
            return .array(values.map(RegoValue.int))
        },
        Builtin("to_number", arity: 1) { (args, _) throws(BuiltinError) in
            switch args[0] {
            case .null: return .int(0)
            case .bool(let b): return .int(b ? 1 : 0)
            case .number: return args[0]
            case .string(let s):
                guard let number = parseNumberString(s) else { throw BuiltinError("to_number: invalid syntax \"\(s)\"") }
                return .number(number)
            default: throw args.typeError(0, expected: "null, boolean, number or string")
            }
        },
    ]

    /// Go `strconv.ParseFloat`-style parsing of decimal numbers (no hex, no inf/nan).
    static func parseNumberString(_ s: String) -> RegoNumber? {
        let allowed = Set("0123456789+-.eE")
        guard !s.isEmpty, s.allSatisfy(allowed.contains) else { return nil }
        if let i = Int64(s) { return RegoNumber(i) }
        guard let d = Double(s), d.isFinite else { return nil }
        return RegoNumber(d)
    }
}
