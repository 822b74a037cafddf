import X509

/// The TLS role of the peer whose X.509-SVID is verified; it decides which extended key usage the leaf needs
/// when it carries an EKU extension (OpenSSL's `sslclient` / `sslserver` purposes).
public enum PeerRole: Hashable, Sendable, CustomStringConvertible {
    /// The peer is a TLS client: an EKU, if present, must include `clientAuth`.
    case client
    /// The peer is a TLS server: an EKU, if present, must include `serverAuth`.
    case server

    var requiredUsage: ExtendedKeyUsage.Usage {
        switch self {
        case .client: .clientAuth
        case .server: .serverAuth
        }
    }

    public var description: String {
        switch self {
        case .client: "clientAuth"
        case .server: "serverAuth"
        }
    }
}
