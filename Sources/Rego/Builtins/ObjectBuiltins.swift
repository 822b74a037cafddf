/// `object.*` builtins.
enum ObjectBuiltins {
    static let all: [Builtin] = [
        Builtin("object.get", arity: 3) { (args, _) throws(BuiltinError) in
            let object = RegoValue.object(try args.object(0))
            guard case .array(let path) = args[1] else { return object[args[1]] ?? args[2] }
            var current = object
            for key in path {
                guard let next = current[key] else { return args[2] }
                current = next
            }
            return current
        },
        Builtin("object.keys", arity: 1) { (args, _) throws(BuiltinError) in
            .set(RegoSet(sortedUnique: try args.object(0).keys))
        },
        Builtin("object.union", arity: 2) { (args, _) throws(BuiltinError) in
            .object(merge(try args.object(0), try args.object(1)))
        },
        Builtin("object.union_n", arity: 1) { (args, _) throws(BuiltinError) in
            var result = RegoObject()
            for element in try args.array(0) {
                guard case .object(let o) = element else { throw args.typeError(0, expected: "array of objects") }
                result = merge(result, o)
            }
            return .object(result)
        },
        Builtin("object.remove", arity: 2) { (args, _) throws(BuiltinError) in
            .object(try args.object(0).removing(try keySet(args, 1)))
        },
        Builtin("object.filter", arity: 2) { (args, _) throws(BuiltinError) in
            .object(try args.object(0).keeping(try keySet(args, 1)))
        },
    ]

    /// `b` over `a`, recursively merging values that are objects on both sides.
    static func merge(_ a: RegoObject, _ b: RegoObject) -> RegoObject {
        var result = a
        for (key, value) in b {
            if case .object(let left)? = result[key], case .object(let right) = value {
                result = result.setting(key, to: .object(merge(left, right)))
            } else {
                result = result.setting(key, to: value)
            }
        }
        return result
    }

    /// Keys given as an array, a set, or an object's keys.
    private static func keySet(_ args: BuiltinArguments, _ index: Int) throws(BuiltinError) -> RegoSet {
        switch args[index] {
        case .array(let a): return RegoSet(a)
        case .set(let s): return s
        case .object(let o): return RegoSet(sortedUnique: o.keys)
        default: throw args.typeError(index, expected: "array, object or set")
        }
    }
}
