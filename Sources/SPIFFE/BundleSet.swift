/// Trust bundles keyed by trust domain (the own bundle plus federated ones). Validators pick the bundle of the
/// credential's trust domain only.
public struct BundleSet: Hashable, Sendable, TrustBundleSource {
    /// The bundles by trust domain.
    public private(set) var bundles: [TrustDomain: TrustBundle]

    /// A set holding `bundles`; for a repeated trust domain the last bundle wins.
    public init(_ bundles: [TrustBundle] = []) {
        self.bundles = [:]
        for bundle in bundles {
            update(bundle)
        }
    }

    /// Adds `bundle`, replacing the bundle of the same trust domain.
    public mutating func update(_ bundle: TrustBundle) {
        bundles[bundle.trustDomain] = bundle
    }

    /// Removes the bundle of `trustDomain`; returns whether there was one.
    @discardableResult
    public mutating func remove(_ trustDomain: TrustDomain) -> Bool {
        bundles.removeValue(forKey: trustDomain) != nil
    }

    /// The trust domains with a bundle, sorted.
    public var trustDomains: [TrustDomain] { bundles.keys.sorted() }

    public func bundle(for trustDomain: TrustDomain) -> TrustBundle? {
        bundles[trustDomain]
    }
}
