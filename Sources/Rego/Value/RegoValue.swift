/// A Rego value: JSON's values plus sets, and objects whose keys may be any value.
///
/// Equality, hashing and ordering follow OPA: numbers compare numerically, strings byte-wise
/// (UTF-8), and values of different types order as
/// null < boolean < number < string < array < object < set.
public enum RegoValue: Sendable {
    case null
    case bool(Bool)
    case number(RegoNumber)
    case string(String)
    case array([RegoValue])
    case set(RegoSet)
    case object(RegoObject)

    /// The empty set.
    public static let emptySet = RegoValue.set(RegoSet())
    /// The empty object.
    public static let emptyObject = RegoValue.object(RegoObject())

    /// An integer number.
    public static func int(_ value: Int) -> RegoValue { .number(RegoNumber(value)) }

    /// A floating-point number.
    public static func double(_ value: Double) -> RegoValue { .number(RegoNumber(value)) }

    /// The OPA type name (`type_name` builtin).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .set: "set"
        case .object: "object"
        }
    }

    /// Rank of the type in OPA's total order.
    var typeRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .number: 2
        case .string: 3
        case .array: 4
        case .object: 5
        case .set: 6
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean payload, if this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The number payload, if this is a number.
    public var numberValue: RegoNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// Looks up an object key, array index or set member, as a Rego ref `x[key]` does.
    public subscript(key: RegoValue) -> RegoValue? {
        switch self {
        case .object(let object):
            return object[key]
        case .array(let array):
            guard case .number(let n) = key, let i = n.intValue, i >= 0, i < array.count else { return nil }
            return array[Int(i)]
        case .set(let set):
            return set.contains(key) ? key : nil
        default:
            return nil
        }
    }

    /// Object member by string key (`nil` for non-objects and missing keys).
    public subscript(key: String) -> RegoValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}
