/// `is_*` and `type_name`.
enum TypeBuiltins {
    static let all: [Builtin] = [
        check("is_string") { if case .string = $0 { true } else { false } },
        check("is_number") { if case .number = $0 { true } else { false } },
        check("is_boolean") { if case .bool = $0 { true } else { false } },
        check("is_array") { if case .array = $0 { true } else { false } },
        check("is_set") { if case .set = $0 { true } else { false } },
        check("is_object") { if case .object = $0 { true } else { false } },
        check("is_null") { if case .null = $0 { true } else { false } },
        Builtin("type_name", arity: 1) { (args, _) throws(BuiltinError) in .string(args[0].typeName) },
    ]

    private static func check(_ name: String, _ test: @escaping @Sendable (RegoValue) -> Bool) -> Builtin {
        Builtin(name, arity: 1) { (args, _) throws(BuiltinError) in .bool(test(args[0])) }
    }
}
