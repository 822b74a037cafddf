/// Builtins over arrays, sets and aggregates.
enum CollectionBuiltins {
    static let all: [Builtin] = [
        Builtin("count", arity: 1) { (args, _) throws(BuiltinError) in
            switch args[0] {
            case .array(let a): return .int(a.count)
            case .set(let s): return .int(s.count)
            case .object(let o): return .int(o.count)
            case .string(let s): return .int(s.unicodeScalars.count)
            default: throw args.typeError(0, expected: "array, object, set or string")
            }
        },
        Builtin("union", arity: 1) { (args, _) throws(BuiltinError) in
            var result = RegoSet()
            for member in try args.set(0) {
                guard case .set(let s) = member else { throw args.typeError(0, expected: "set of sets") }
                result = result.union(s)
            }
            return .set(result)
        },
        Builtin("intersection", arity: 1) { (args, _) throws(BuiltinError) in
            var result: RegoSet?
            for member in try args.set(0) {
                guard case .set(let s) = member else { throw args.typeError(0, expected: "set of sets") }
                result = result.map { $0.intersection(s) } ?? s
            }
            return .set(result ?? RegoSet())
        },
        Builtin("array.concat", arity: 2) { (args, _) throws(BuiltinError) in
            .array(try args.array(0) + args.array(1))
        },
        Builtin("array.slice", arity: 3) { (args, _) throws(BuiltinError) in
            let array = try args.array(0)
            let start = max(0, try args.integer(1)), stop = min(array.count, try args.integer(2))
            guard start < stop else { return .array([]) }
            return .array(Array(array[start..<stop]))
        },
        Builtin("array.reverse", arity: 1) { (args, _) throws(BuiltinError) in
            .array(try args.array(0).reversed())
        },
        Builtin("sort", arity: 1) { (args, _) throws(BuiltinError) in
            .array(try args.elements(0).sorted { RegoValue.compare($0, $1) < 0 })
        },
        Builtin("sum", arity: 1) { (args, _) throws(BuiltinError) in
            var total = RegoNumber(0)
            for element in try args.elements(0) {
                guard case .number(let n) = element else { throw args.typeError(0, expected: "array or set of numbers") }
                total = total + n
            }
            return .number(total)
        },
        Builtin("product", arity: 1) { (args, _) throws(BuiltinError) in
            var total = RegoNumber(1)
            for element in try args.elements(0) {
                guard case .number(let n) = element else { throw args.typeError(0, expected: "array or set of numbers") }
                total = total * n
            }
            return .number(total)
        },
        Builtin("max", arity: 1) { (args, _) throws(BuiltinError) in
            try args.elements(0).max { RegoValue.compare($0, $1) < 0 }
        },
        Builtin("min", arity: 1) { (args, _) throws(BuiltinError) in
            try args.elements(0).min { RegoValue.compare($0, $1) < 0 }
        },
    ]
}
