import Foundation

/// Writes the fields of one ProtoJSON object, applying the output rules: lowerCamelCase names, default
/// values of fields without presence omitted (`""`, `false`, empty lists and maps), timestamps as
/// RFC 3339, bytes as padded base64.
struct ProtoObjectEncoder {
    private var container: KeyedEncodingContainer<ProtoKey>

    init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: ProtoKey.self)
    }

    /// Always written (required fields and fields with explicit presence that are set).
    mutating func encode<T: Encodable>(_ value: T, _ name: String) throws {
        try container.encode(value, forKey: ProtoKey(name))
    }

    /// Written when present.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, _ name: String) throws {
        guard let value else { return }
        try container.encode(value, forKey: ProtoKey(name))
    }

    /// A string without presence: written when non-empty.
    mutating func string(_ value: String?, _ name: String) throws {
        guard let value, !value.isEmpty else { return }
        try container.encode(value, forKey: ProtoKey(name))
    }

    /// A repeated field: written when non-empty.
    mutating func list<T: Encodable>(_ value: [T], _ name: String) throws {
        guard !value.isEmpty else { return }
        try container.encode(value, forKey: ProtoKey(name))
    }

    /// A map field: written when non-empty.
    mutating func map<T: Encodable>(_ value: [String: T], _ name: String) throws {
        guard !value.isEmpty else { return }
        try container.encode(value, forKey: ProtoKey(name))
    }

    /// A `bool` without presence: written only when `true`.
    mutating func flag(_ value: Bool, _ name: String) throws {
        guard value else { return }
        try container.encode(true, forKey: ProtoKey(name))
    }

    mutating func timestamp(_ value: Date?, _ name: String) throws {
        guard let value else { return }
        try container.encode(ProtoTimestamp.format(value), forKey: ProtoKey(name))
    }

    mutating func bytes(_ value: Data, _ name: String) throws {
        try container.encode(ProtoBase64.encode(value), forKey: ProtoKey(name))
    }
}
