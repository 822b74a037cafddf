/// A builtin function. Its body returns `nil` for "undefined" and throws ``BuiltinError`` for
/// errors; either way the calling expression is undefined (OPA's non-strict behaviour).
struct Builtin: Sendable {
    typealias Body = @Sendable (BuiltinArguments, EvalEnvironment) throws(BuiltinError) -> RegoValue?

    typealias ConstantCheck = @Sendable ([RegoValue?]) -> BuiltinError?

    let name: String
    let arity: Int
    let body: Body
    /// Run at compile time with the constant operands (`nil` where not constant), so unsupported
    /// constant input (a regex feature, say) fails when the policy is loaded.
    let constantCheck: ConstantCheck?

    init(_ name: String, arity: Int, constantCheck: ConstantCheck? = nil, _ body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.constantCheck = constantCheck
        self.body = body
    }
}

/// A builtin's failure (wrong operand types, malformed input, …). Ordinary failures make the
/// expression undefined, as in OPA; `isUnsupported` marks input OPA would handle but the embedded
/// evaluator cannot, which is reported as an error instead of a silently different answer.
struct BuiltinError: Error {
    let message: String
    let isUnsupported: Bool

    init(_ message: String) {
        self.message = message
        isUnsupported = false
    }

    private init(unsupported message: String) {
        self.message = message
        isUnsupported = true
    }

    /// Input that OPA accepts but this evaluator does not implement.
    static func unsupported(_ feature: String) -> BuiltinError {
        BuiltinError(unsupported: feature)
    }
}

/// Typed access to a builtin's operands, with OPA-style error messages.
struct BuiltinArguments {
    let values: [RegoValue]
    let name: String

    subscript(index: Int) -> RegoValue { values[index] }

    func typeError(_ index: Int, expected: String) -> BuiltinError {
        BuiltinError("\(name): operand \(index + 1) must be \(expected) but got \(values[index].typeName)")
    }

    func string(_ index: Int) throws(BuiltinError) -> String {
        guard case .string(let s) = values[index] else { throw typeError(index, expected: "string") }
        return s
    }

    func number(_ index: Int) throws(BuiltinError) -> RegoNumber {
        guard case .number(let n) = values[index] else { throw typeError(index, expected: "number") }
        return n
    }

    func integer(_ index: Int) throws(BuiltinError) -> Int {
        guard case .number(let n) = values[index], let i = n.intValue else { throw typeError(index, expected: "integer") }
        return Int(i)
    }

    func array(_ index: Int) throws(BuiltinError) -> [RegoValue] {
        guard case .array(let a) = values[index] else { throw typeError(index, expected: "array") }
        return a
    }

    func set(_ index: Int) throws(BuiltinError) -> RegoSet {
        guard case .set(let s) = values[index] else { throw typeError(index, expected: "set") }
        return s
    }

    func object(_ index: Int) throws(BuiltinError) -> RegoObject {
        guard case .object(let o) = values[index] else { throw typeError(index, expected: "object") }
        return o
    }

    /// The elements of an array or set operand.
    func elements(_ index: Int) throws(BuiltinError) -> [RegoValue] {
        switch values[index] {
        case .array(let a): return a
        case .set(let s): return s.elements
        default: throw typeError(index, expected: "array or set")
        }
    }

    /// The strings of an array or set of strings operand.
    func strings(_ index: Int) throws(BuiltinError) -> [String] {
        var result: [String] = []
        for element in try elements(index) {
            guard case .string(let s) = element else { throw typeError(index, expected: "array or set of strings") }
            result.append(s)
        }
        return result
    }

    /// A string, or the strings of an array or set.
    func stringOrStrings(_ index: Int) throws(BuiltinError) -> [String] {
        if case .string(let s) = values[index] { return [s] }
        return try strings(index)
    }
}
