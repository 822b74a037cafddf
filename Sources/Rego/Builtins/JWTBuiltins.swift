/// `io.jwt.decode(token)` → `[header, payload, signature-hex]` (no verification).
enum JWTBuiltins {
    static let all: [Builtin] = [
        Builtin("io.jwt.decode", arity: 1) { (args, _) throws(BuiltinError) in
            let parts = ByteSearch.split(try args.string(0), separator: ".")
            guard parts.count == 3 else { throw BuiltinError("io.jwt.decode: encoded JWT must have 3 sections, found \(parts.count)") }
            let header = try decodeObject(parts[0], "header")
            if header["enc"] != nil { throw BuiltinError.unsupported("io.jwt.decode of an encrypted (JWE) token") }
            if header["cty"] == "JWT" { throw BuiltinError.unsupported("io.jwt.decode of a nested token (cty JWT)") }
            let payload = try decodeObject(parts[1], "payload")
            guard let signature = Base64.decodeURLAllowingMissingPadding(parts[2]) else {
                throw BuiltinError("io.jwt.decode: invalid signature encoding")
            }
            return .array([header, payload, .string(EncodingBuiltins.hex(signature))])
        }
    ]

    private static func decodeObject(_ part: String, _ what: String) throws(BuiltinError) -> RegoValue {
        guard let bytes = Base64.decodeURLAllowingMissingPadding(part) else {
            throw BuiltinError("io.jwt.decode: invalid \(what) encoding")
        }
        guard let value = try? JSONParser.parse(bytes), case .object = value else {
            throw BuiltinError("io.jwt.decode: \(what) is not a JSON object")
        }
        return value
    }
}
