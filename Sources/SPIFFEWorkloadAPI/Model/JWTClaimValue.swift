/// A JSON value of a JWT claim, as `ValidateJWTSVID` returns the claims.
public indirect enum JWTClaimValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JWTClaimValue])
    case object([String: JWTClaimValue])

    /// The string, for a string value.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The number, for a number value.
    public var numberValue: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    /// The elements, for an array value.
    public var arrayValue: [JWTClaimValue]? {
        if case .array(let values) = self { values } else { nil }
    }
}
