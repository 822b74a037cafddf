extension Evaluator {
    /// Comparison operators over OPA's total order of values.
    @inline(__always)
    static func compare(_ op: BinaryOperator, _ x: RegoValue, _ y: RegoValue) -> Bool {
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return RegoValue.compare(x, y) < 0
        case .lessOrEqual: return RegoValue.compare(x, y) <= 0
        case .greater: return RegoValue.compare(x, y) > 0
        case .greaterOrEqual: return RegoValue.compare(x, y) >= 0
        default: return false
        }
    }

    /// Any binary operator; `nil` when undefined (wrong operand types, division by zero).
    static func apply(_ op: BinaryOperator, _ x: RegoValue, _ y: RegoValue) -> RegoValue? {
        switch (op, x, y) {
        case (.equal, _, _), (.notEqual, _, _), (.less, _, _), (.lessOrEqual, _, _), (.greater, _, _), (.greaterOrEqual, _, _):
            return .bool(compare(op, x, y))
        case (.plus, .number(let a), .number(let b)): return finite(a + b)
        case (.minus, .number(let a), .number(let b)): return finite(a - b)
        case (.minus, .set(let a), .set(let b)): return .set(a.subtracting(b))
        case (.multiply, .number(let a), .number(let b)): return finite(a * b)
        case (.divide, .number(let a), .number(let b)): return a.divided(by: b).flatMap(finite)
        case (.remainder, .number(let a), .number(let b)): return a.remainder(dividingBy: b).map(RegoValue.number)
        case (.union, .set(let a), .set(let b)): return .set(a.union(b))
        case (.intersection, .set(let a), .set(let b)): return .set(a.intersection(b))
        default: return nil
        }
    }

    private static func finite(_ n: RegoNumber) -> RegoValue? {
        n.isFinite ? .number(n) : nil
    }

    /// `value in collection`: array elements, set members, object values.
    static func contains(_ collection: RegoValue, value: RegoValue) -> Bool {
        switch collection {
        case .array(let elements): return elements.contains(value)
        case .set(let set): return set.contains(value)
        case .object(let object): return object.entries.contains { $0.value == value }
        default: return false
        }
    }

    /// `key, value in collection`: array index and element, object key and value, set member twice.
    static func contains(_ collection: RegoValue, key: RegoValue, value: RegoValue) -> Bool {
        switch collection {
        case .array(let elements):
            guard case .number(let n) = key, let i = n.intValue, i >= 0, i < elements.count else { return false }
            return elements[Int(i)] == value
        case .set(let set): return key == value && set.contains(value)
        case .object(let object): return object[key] == value
        default: return false
        }
    }
}
