/// A JSON-RPC request id: a string, an integer or `null`.
public enum JSONRPCID: Sendable, Hashable {
    case string(String)
    case number(Int64)
    case null
}

extension JSONRPCID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Int64.self) {
            self = .number(number)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a string, an integer or null")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .null: try container.encodeNil()
        }
    }

    func write(into writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.string(text)
        case .number(let number): writer.integer(number)
        case .null: writer.raw("null")
        }
    }
}

extension JSONRPCID: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .number(value) }
}

extension JSONRPCID: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .number(let number): String(number)
        case .null: "null"
        }
    }
}
