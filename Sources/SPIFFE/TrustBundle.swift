import X509

/// The public key material of one trust domain (SPIFFE Trust Domain and Bundle standard): the X.509
/// authorities that anchor X.509-SVIDs and the JWT authorities (by key ID) that sign JWT-SVIDs.
public struct TrustBundle: Hashable, Sendable {
    /// The trust domain the bundle belongs to.
    public let trustDomain: TrustDomain
    /// The X.509 authorities (root CA certificates), without duplicates, in insertion order.
    public private(set) var x509Authorities: [Certificate]
    /// The JWT authorities by key ID.
    public private(set) var jwtAuthorities: [String: JWKPublicKey]
    /// `spiffe_sequence`: increases on every change of the content.
    public var sequence: UInt64?
    /// `spiffe_refresh_hint`, in seconds.
    public var refreshHint: Int?

    /// A bundle with the given content; duplicate X.509 authorities are dropped.
    public init(
        trustDomain: TrustDomain,
        x509Authorities: [Certificate] = [],
        jwtAuthorities: [String: JWKPublicKey] = [:],
        sequence: UInt64? = nil,
        refreshHint: Int? = nil
    ) throws(TrustBundleError) {
        guard !jwtAuthorities.keys.contains("") else { throw .emptyKeyID }
        self.trustDomain = trustDomain
        self.x509Authorities = []
        self.jwtAuthorities = jwtAuthorities
        self.sequence = sequence
        self.refreshHint = refreshHint
        for authority in x509Authorities {
            addX509Authority(authority)
        }
    }

    /// Adds an X.509 authority unless it is already present; returns whether it was added.
    @discardableResult
    public mutating func addX509Authority(_ authority: Certificate) -> Bool {
        guard !x509Authorities.contains(authority) else { return false }
        x509Authorities.append(authority)
        return true
    }

    /// Removes an X.509 authority; returns whether it was present.
    @discardableResult
    public mutating func removeX509Authority(_ authority: Certificate) -> Bool {
        guard let index = x509Authorities.firstIndex(of: authority) else { return false }
        x509Authorities.remove(at: index)
        return true
    }

    /// Adds or replaces the JWT authority with key ID `keyID`.
    public mutating func setJWTAuthority(_ key: JWKPublicKey, keyID: String) throws(TrustBundleError) {
        guard !keyID.isEmpty else { throw .emptyKeyID }
        jwtAuthorities[keyID] = key
    }

    /// Removes the JWT authority with key ID `keyID`; returns whether it was present.
    @discardableResult
    public mutating func removeJWTAuthority(keyID: String) -> Bool {
        jwtAuthorities.removeValue(forKey: keyID) != nil
    }
}

extension TrustBundle: TrustBundleSource {
    /// This bundle when `trustDomain` is its own, otherwise `nil`.
    public func bundle(for trustDomain: TrustDomain) -> TrustBundle? {
        trustDomain == self.trustDomain ? self : nil
    }
}
