import SPIFFE

/// Everything the X.509 profile of the Workload API gives a workload at one moment: its SVIDs (the first is the
/// default identity) and the bundles to validate peers with (its own trust domain and federated ones).
public struct X509Context: Sendable, CustomStringConvertible {
    /// The workload's identities; never empty, the first is the default.
    public let identities: [X509Identity]
    /// The trust bundles by trust domain.
    public let bundles: BundleSet

    /// A context, or `nil` when `identities` is empty (a workload without an SVID has no X.509 context; the
    /// Workload API answers PermissionDenied instead).
    public init?(identities: [X509Identity], bundles: BundleSet) {
        guard !identities.isEmpty else { return nil }
        self.identities = identities
        self.bundles = bundles
    }

    /// The default SVID: the first one.
    public var defaultSVID: SPIFFE.X509SVID { identities[0].svid }

    /// All SVIDs, default first.
    public var svids: [SPIFFE.X509SVID] { identities.map(\.svid) }

    public var description: String {
        "X509Context(\(identities.map(\.description)), bundles for \(bundles.trustDomains.map(\.name)))"
    }
}
