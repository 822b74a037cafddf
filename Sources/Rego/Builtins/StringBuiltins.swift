/// String builtins (Go `strings` semantics: byte-wise matching, rune-wise indexing).
enum StringBuiltins {
    static let all: [Builtin] = [
        Builtin("startswith", arity: 2) { (args, _) throws(BuiltinError) in
            .bool(try args.string(0).utf8.starts(with: try args.string(1).utf8))
        },
        Builtin("endswith", arity: 2) { (args, _) throws(BuiltinError) in
            .bool(try args.string(0).utf8.reversed().starts(with: try args.string(1).utf8.reversed()))
        },
        Builtin("contains", arity: 2) { (args, _) throws(BuiltinError) in
            .bool(ByteSearch.contains(try args.string(0), try args.string(1)))
        },
        Builtin("split", arity: 2) { (args, _) throws(BuiltinError) in
            .array(ByteSearch.split(try args.string(0), separator: try args.string(1)).map(RegoValue.string))
        },
        Builtin("concat", arity: 2) { (args, _) throws(BuiltinError) in
            .string(try args.strings(1).joined(separator: try args.string(0)))
        },
        Builtin("lower", arity: 1) { (args, _) throws(BuiltinError) in .string(mapCase(try args.string(0), upper: false)) },
        Builtin("upper", arity: 1) { (args, _) throws(BuiltinError) in .string(mapCase(try args.string(0), upper: true)) },
        Builtin("trim", arity: 2) { (args, _) throws(BuiltinError) in
            .string(trim(try args.string(0), cutset: try args.string(1), leading: true, trailing: true))
        },
        Builtin("trim_left", arity: 2) { (args, _) throws(BuiltinError) in
            .string(trim(try args.string(0), cutset: try args.string(1), leading: true, trailing: false))
        },
        Builtin("trim_right", arity: 2) { (args, _) throws(BuiltinError) in
            .string(trim(try args.string(0), cutset: try args.string(1), leading: false, trailing: true))
        },
        Builtin("trim_space", arity: 1) { (args, _) throws(BuiltinError) in
            .string(trim(try args.string(0), leading: true, trailing: true) { $0.properties.isWhitespace })
        },
        Builtin("trim_prefix", arity: 2) { (args, _) throws(BuiltinError) in
            let s = try args.string(0), prefix = try args.string(1)
            guard s.utf8.starts(with: prefix.utf8) else { return .string(s) }
            return .string(String(decoding: Array(s.utf8).dropFirst(prefix.utf8.count), as: UTF8.self))
        },
        Builtin("trim_suffix", arity: 2) { (args, _) throws(BuiltinError) in
            let s = try args.string(0), suffix = try args.string(1)
            guard s.utf8.reversed().starts(with: suffix.utf8.reversed()) else { return .string(s) }
            return .string(String(decoding: Array(s.utf8).dropLast(suffix.utf8.count), as: UTF8.self))
        },
        Builtin("strings.any_prefix_match", arity: 2) { (args, _) throws(BuiltinError) in
            let candidates = try args.stringOrStrings(0), prefixes = try args.stringOrStrings(1)
            return .bool(candidates.contains { c in prefixes.contains { c.utf8.starts(with: $0.utf8) } })
        },
        Builtin("strings.any_suffix_match", arity: 2) { (args, _) throws(BuiltinError) in
            let candidates = try args.stringOrStrings(0), suffixes = try args.stringOrStrings(1)
            return .bool(candidates.contains { c in suffixes.contains { c.utf8.reversed().starts(with: $0.utf8.reversed()) } })
        },
        Builtin("indexof", arity: 2) { (args, _) throws(BuiltinError) in
            let s = Array(try args.string(0).unicodeScalars), sub = Array(try args.string(1).unicodeScalars)
            guard !sub.isEmpty else { return .int(0) }
            guard sub.count <= s.count else { return .int(-1) }
            for start in 0...(s.count - sub.count) where s[start..<(start + sub.count)].elementsEqual(sub) {
                return .int(start)
            }
            return .int(-1)
        },
        Builtin("substring", arity: 3) { (args, _) throws(BuiltinError) in
            let s = Array(try args.string(0).unicodeScalars), offset = try args.integer(1), length = try args.integer(2)
            guard offset >= 0 else { throw BuiltinError("substring: negative offset") }
            guard offset < s.count else { return .string("") }
            let end = length < 0 ? s.count : min(s.count, offset + length)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[offset..<end])
            return .string(String(view))
        },
        Builtin("replace", arity: 3) { (args, _) throws(BuiltinError) in
            .string(ByteSearch.replaceAll(try args.string(0), try args.string(1), with: try args.string(2)))
        },
        Builtin("strings.reverse", arity: 1) { (args, _) throws(BuiltinError) in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: try args.string(0).unicodeScalars.reversed())
            return .string(String(view))
        },
        Builtin("format_int", arity: 2) { (args, _) throws(BuiltinError) in
            let number = try args.number(0), base = try args.integer(1)
            guard [2, 8, 10, 16].contains(base) else { throw BuiltinError("format_int: operand 2 must be one of {2, 8, 10, 16}") }
            let floored = number.doubleValue.rounded(.down)
            guard let integer = number.intValue ?? (abs(floored) < 9.2e18 ? Int64(floored) : nil) else {
                throw BuiltinError("format_int: number out of range")
            }
            return .string(String(integer, radix: base))
        },
    ]

    /// Go's `strings.ToUpper`/`ToLower`: one-to-one case mapping per scalar (`ß` stays `ß`).
    static func mapCase(_ s: String, upper: Bool) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return upper ? s.uppercased() : s.lowercased() }
        var view = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let mapped = (upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping).unicodeScalars
            if mapped.count == 1, let single = mapped.first {
                view.append(single)
            } else {
                view.append(scalar)
            }
        }
        return String(view)
    }

    static func trim(_ s: String, cutset: String, leading: Bool, trailing: Bool) -> String {
        let cut = Set(cutset.unicodeScalars)
        return trim(s, leading: leading, trailing: trailing) { cut.contains($0) }
    }

    static func trim(_ s: String, leading: Bool, trailing: Bool, where remove: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(s.unicodeScalars)
        var start = 0, end = scalars.count
        if leading { while start < end, remove(scalars[start]) { start += 1 } }
        if trailing { while end > start, remove(scalars[end - 1]) { end -= 1 } }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
