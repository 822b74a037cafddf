/// All builtins the embedded evaluator implements, by OPA name.
enum BuiltinRegistry {
    static let all: [String: Builtin] = {
        var table: [String: Builtin] = [:]
        let groups = [
            OperatorBuiltins.all, StringBuiltins.all, SprintfBuiltin.all, CollectionBuiltins.all,
            ObjectBuiltins.all, NumberBuiltins.all, TypeBuiltins.all, EncodingBuiltins.all, TimeBuiltins.all,
            NetBuiltins.all, GlobBuiltins.all, RegexBuiltins.all, JWTBuiltins.all,
        ]
        for group in groups {
            for builtin in group { table[builtin.name] = builtin }
        }
        return table
    }()

    static func lookup(_ name: String) -> Builtin? {
        all[name]
    }
}

/// The operators, also callable by name (`plus(1, 2)`); comparisons and arithmetic are
/// normally compiled to ``BinaryOperator`` and never reach these bodies.
enum OperatorBuiltins {
    static let all: [Builtin] = [
        ("equal", BinaryOperator.equal), ("neq", .notEqual), ("lt", .less), ("lte", .lessOrEqual), ("gt", .greater),
        ("gte", .greaterOrEqual), ("plus", .plus), ("minus", .minus), ("mul", .multiply), ("div", .divide),
        ("rem", .remainder), ("or", .union), ("and", .intersection),
    ].map { name, op in
        Builtin(name, arity: 2) { (args, _) throws(BuiltinError) -> RegoValue? in
            Evaluator.apply(op, args[0], args[1])
        }
    }
}
