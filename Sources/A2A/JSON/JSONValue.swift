import Foundation

/// A JSON object: the Swift shape of `google.protobuf.Struct` (`metadata`, `params`, …).
public typealias JSONObject = [String: JSONValue]

/// Any JSON value, as carried by `google.protobuf.Value` / `Struct` fields (`Part.data`, `metadata`, …).
///
/// Numbers keep their JSON form: a number without fraction or exponent that fits in `Int64` decodes as
/// `.integer` and is re-emitted digit for digit (`42` stays `42`, `9007199254740993` stays exact); every
/// other number decodes as `.double` (`3.5`, `1e300`). An integral number written with a fraction or
/// exponent (`1.0`, `1e2`) decodes as `.integer`, because JSON does not distinguish it from `1` / `100`.
/// Equality and hashing compare numbers by value, so `.integer(1) == .double(1.0)`.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let object = try? container.decode(JSONObject.self) {
            self = .object(object)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Value is not valid JSON")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
