import Foundation

/// Reads the fields of one ProtoJSON object.
///
/// Applies the ProtoJSON input rules in one place: a field is found under its lowerCamelCase name or its
/// original snake_case name; JSON `null` means "absent"; unknown members are ignored; missing required
/// fields and malformed values throw `DecodingError`s whose coding path and message name the field.
struct ProtoObjectDecoder {
    let container: KeyedDecodingContainer<ProtoKey>

    init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: ProtoKey.self)
    }

    /// The key under which `name` holds a non-null value, or `nil`.
    func key(_ name: String) throws -> ProtoKey? {
        guard let key = keyIncludingNull(name) else { return nil }
        return try container.decodeNil(forKey: key) ? nil : key
    }

    /// Whether `name` holds a non-null value.
    func has(_ name: String) throws -> Bool {
        try key(name) != nil
    }

    /// The raw key for `name` even when its value is JSON `null` (for `google.protobuf.Value` fields).
    func keyIncludingNull(_ name: String) -> ProtoKey? {
        let camel = ProtoKey(name)
        if container.contains(camel) { return camel }
        if let snake = camel.snakeCaseVariant, container.contains(snake) { return snake }
        return nil
    }

    /// An optional field: absent and `null` read as `nil`.
    func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        guard let key = try key(name) else { return nil }
        return try container.decode(type, forKey: key)
    }

    /// A required field: absent and `null` throw `keyNotFound` naming it.
    func require<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        guard let key = try key(name) else { throw missing(name) }
        return try container.decode(type, forKey: key)
    }

    /// A string without presence: absent, `null` and `""` all read as `nil`.
    func string(_ name: String) throws -> String? {
        guard let value = try decode(String.self, name), !value.isEmpty else { return nil }
        return value
    }

    /// A repeated field: absent or `null` reads as `[]`.
    func list<T: Decodable>(_ type: T.Type, _ name: String) throws -> [T] {
        try decode([T].self, name) ?? []
    }

    /// A repeated field that must be present.
    func requireList<T: Decodable>(_ type: T.Type, _ name: String) throws -> [T] {
        try require([T].self, name)
    }

    /// A `bool` without presence: absent reads as `false`.
    func flag(_ name: String) throws -> Bool {
        try decode(Bool.self, name) ?? false
    }

    /// A `google.protobuf.Struct`.
    func object(_ name: String) throws -> JSONObject? {
        try decode(JSONObject.self, name)
    }

    /// A `map<string, string>`; absent reads as empty.
    func stringMap(_ name: String) throws -> [String: String] {
        try decode([String: String].self, name) ?? [:]
    }

    /// An `int32`, given as a JSON number or a numeric string.
    func int32(_ name: String) throws -> Int? {
        guard let key = try key(name) else { return nil }
        if let integer = try? container.decode(Int64.self, forKey: key) {
            return try inInt32Range(integer, key)
        }
        if let text = try? container.decode(String.self, forKey: key) {
            if let integer = Int64(text) ?? Double(text).flatMap({ Int64(exactly: $0) }) {
                return try inInt32Range(integer, key)
            }
        }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: container,
            debugDescription: "must be an int32 (a JSON integer or a numeric string)")
    }

    /// A `google.protobuf.Timestamp` (RFC 3339 string).
    func timestamp(_ name: String) throws -> Date? {
        guard let key = try key(name) else { return nil }
        let text = try container.decode(String.self, forKey: key)
        guard let date = ProtoTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription:
                    "is not an RFC 3339 timestamp: '\(text)' (expected e.g. 2026-11-25T19:17:08.661Z)")
        }
        return date
    }

    /// A required `bytes` field (base64, standard or URL-safe, padding optional).
    func requireBytes(_ name: String) throws -> Data {
        guard let key = try key(name) else { throw missing(name) }
        let text = try container.decode(String.self, forKey: key)
        guard let data = ProtoBase64.decode(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "is not valid base64")
        }
        return data
    }

    /// The one member of a oneof that is present; throws unless exactly one is. Members listed in
    /// `nullable` (`google.protobuf.Value` fields) count as present even when `null`.
    func oneof(_ names: [String], nullable: Set<String> = []) throws -> String {
        let present = try names.filter { name in
            if nullable.contains(name) { return keyIncludingNull(name) != nil }
            return try has(name)
        }
        guard present.count == 1, let member = present.first else {
            let found = present.isEmpty ? "none" : present.joined(separator: " and ")
            let expected = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            throw invalid("must have exactly one of \(expected) (found \(found))")
        }
        return member
    }

    /// The error for a required field that is absent or `null`.
    func missing(_ name: String) -> DecodingError {
        DecodingError.keyNotFound(
            ProtoKey(name),
            DecodingError.Context(codingPath: container.codingPath, debugDescription: "Missing required field '\(name)'"))
    }

    /// An error about the object as a whole (e.g. a oneof with no or several members).
    func invalid(_ description: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: container.codingPath, debugDescription: description))
    }

    private func inInt32Range(_ value: Int64, _ key: ProtoKey) throws -> Int {
        guard let result = Int32(exactly: value) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "is out of the int32 range: \(value)")
        }
        return Int(result)
    }
}
