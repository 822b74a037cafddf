import Foundation

extension SigningAuthority {
    /// Lifetimes and bundle metadata of the embedded development CA. Defaults follow SPIRE.
    public struct Configuration: Hashable, Sendable, Codable {
        /// The trust domain the authority signs for.
        public var trustDomain: TrustDomain
        /// Lifetime of each CA certificate (SPIRE `ca_ttl`, 24 h).
        public var authorityTTL: TimeInterval
        /// Default lifetime of X.509-SVIDs (SPIRE `DefaultX509SVIDTTL`, 1 h).
        public var x509SVIDTTL: TimeInterval
        /// Default lifetime of JWT-SVIDs (SPIRE default, 5 min).
        public var jwtSVIDTTL: TimeInterval
        /// `spiffe_refresh_hint` of the published bundle, in seconds.
        public var refreshHint: Int

        public init(
            trustDomain: TrustDomain,
            authorityTTL: TimeInterval = 86_400,
            x509SVIDTTL: TimeInterval = 3_600,
            jwtSVIDTTL: TimeInterval = 300,
            refreshHint: Int = 300
        ) {
            self.trustDomain = trustDomain
            self.authorityTTL = authorityTTL
            self.x509SVIDTTL = x509SVIDTTL
            self.jwtSVIDTTL = jwtSVIDTTL
            self.refreshHint = refreshHint
        }

        func validate() throws(SigningAuthorityError) {
            for (name, value) in [
                ("authorityTTL", authorityTTL), ("x509SVIDTTL", x509SVIDTTL), ("jwtSVIDTTL", jwtSVIDTTL),
            ]
            where !(value > 0 && value.isFinite) {
                throw .invalidConfiguration("\(name) must be a positive number of seconds")
            }
            guard refreshHint >= 0 else { throw .invalidConfiguration("refreshHint must not be negative") }
        }
    }
}
