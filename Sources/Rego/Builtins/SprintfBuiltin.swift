/// `sprintf(format, values)`.
enum SprintfBuiltin {
    static let all: [Builtin] = [
        Builtin("sprintf", arity: 2) { (args, _) throws(BuiltinError) in
            let operands = try args.array(1).map(GoFormatter.operand)
            return .string(try GoFormatter.format(try args.string(0), operands))
        }
    ]
}
