/// The registered claims of a JWT-SVID that validation reads; other claims are allowed and ignored.
struct JWTClaims: Decodable {
    /// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
    enum Audience: Decodable {
        case single(String)
        case multiple([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) {
                self = .single(single)
            } else {
                self = .multiple(try container.decode([String].self))
            }
        }

        var values: [String] {
            switch self {
            case .single(let value): [value]
            case .multiple(let values): values
            }
        }
    }

    var sub: String?
    var aud: Audience?
    var exp: Double?
    var nbf: Double?
    var iat: Double?
}
