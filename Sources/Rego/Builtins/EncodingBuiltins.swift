/// Base64, hex and JSON builtins.
enum EncodingBuiltins {
    static let all: [Builtin] = [
        Builtin("base64.encode", arity: 1) { (args, _) throws(BuiltinError) in
            .string(Base64.encode(Array(try args.string(0).utf8), urlSafe: false))
        },
        Builtin("base64.decode", arity: 1) { (args, _) throws(BuiltinError) in
            .string(try utf8(Base64.decode(try args.string(0), urlSafe: false), "base64.decode"))
        },
        Builtin("base64.is_valid", arity: 1) { (args, _) throws(BuiltinError) in
            .bool(Base64.decode(try args.string(0), urlSafe: false) != nil)
        },
        Builtin("base64url.encode", arity: 1) { (args, _) throws(BuiltinError) in
            .string(Base64.encode(Array(try args.string(0).utf8), urlSafe: true))
        },
        Builtin("base64url.encode_no_pad", arity: 1) { (args, _) throws(BuiltinError) in
            .string(Base64.encode(Array(try args.string(0).utf8), urlSafe: true, padded: false))
        },
        Builtin("base64url.decode", arity: 1) { (args, _) throws(BuiltinError) in
            .string(try utf8(Base64.decodeURLAllowingMissingPadding(try args.string(0)), "base64url.decode"))
        },
        Builtin("hex.encode", arity: 1) { (args, _) throws(BuiltinError) in
            .string(hex(Array(try args.string(0).utf8)))
        },
        Builtin("hex.decode", arity: 1) { (args, _) throws(BuiltinError) in
            let digits = Array(try args.string(0).utf8)
            guard digits.count % 2 == 0 else { throw BuiltinError("hex.decode: odd length") }
            var bytes: [UInt8] = []
            for index in stride(from: 0, to: digits.count, by: 2) {
                guard let high = HexDigit.value(digits[index]), let low = HexDigit.value(digits[index + 1]) else {
                    throw BuiltinError("hex.decode: invalid byte")
                }
                bytes.append(high << 4 | low)
            }
            return .string(try utf8(bytes, "hex.decode"))
        },
        Builtin("json.unmarshal", arity: 1) { (args, _) throws(BuiltinError) in
            let text = try args.string(0)
            do throws(RegoError) {
                return try JSONParser.parse(text.utf8)
            } catch {
                throw BuiltinError("json.unmarshal: \(error.message)")
            }
        },
        Builtin("json.is_valid", arity: 1) { (args, _) throws(BuiltinError) in
            .bool((try? JSONParser.parse(try args.string(0).utf8)) != nil)
        },
        Builtin("json.marshal", arity: 1) { (args, _) throws(BuiltinError) in
            .string(goEscaped(args[0].jsonString()))
        },
    ]

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    private static func utf8(_ bytes: [UInt8]?, _ name: String) throws(BuiltinError) -> String {
        guard let bytes else { throw BuiltinError("\(name): illegal base64 data") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BuiltinError("\(name): decoded bytes are not valid UTF-8")
        }
        return text
    }

    /// Go's `json.Marshal` escapes `<`, `>`, `&`, U+2028 and U+2029 (they only occur inside strings).
    private static func goEscaped(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
