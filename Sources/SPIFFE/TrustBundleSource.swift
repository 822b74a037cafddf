/// Where a validator finds the bundle of a trust domain. Validation only ever uses the bundle of the
/// credential's own trust domain; bundles are never merged across trust domains.
public protocol TrustBundleSource: Sendable {
    /// The bundle of `trustDomain`, or `nil` when none is known.
    func bundle(for trustDomain: TrustDomain) -> TrustBundle?
}
