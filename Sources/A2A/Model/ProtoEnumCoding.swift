/// ProtoJSON coding of enums: the value is the enum's proto name (`"TASK_STATE_WORKING"`); its number is
/// also accepted on input. Unknown names are errors naming the field and the accepted values.
/// The enum's cases must be declared in proto-number order.
enum ProtoEnumCoding {
    static func decode<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, named typeName: String, from decoder: any Decoder
    ) throws -> E where E.RawValue == String {
        let container = try decoder.singleValueContainer()
        let cases = Array(E.allCases)
        let expected = cases.map(\.rawValue).joined(separator: ", ")
        if let name = try? container.decode(String.self) {
            if let value = E(rawValue: name) { return value }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "has unknown \(typeName) value '\(name)' (expected one of \(expected))")
        }
        if let number = try? container.decode(Int.self) {
            if cases.indices.contains(number) { return cases[number] }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "has unknown \(typeName) number \(number)")
        }
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "must be a \(typeName) name (one of \(expected))")
    }

    static func encode<E: RawRepresentable>(_ value: E, to encoder: any Encoder) throws where E.RawValue == String {
        var container = encoder.singleValueContainer()
        try container.encode(value.rawValue)
    }
}
