import Foundation
import SPIFFE

/// What the Workload API server serves: the identities and bundles each caller is entitled to.
///
/// ``AuthorityIdentityProvider`` implements it with a ``SigningAuthority`` and a ``RegistrationStore``; a control
/// plane may supply its own. Every method throws ``WorkloadIdentityError/noIdentity`` for a caller without
/// identities. Implementations must notify ``changes`` whenever any caller's answer may have changed (entries,
/// CA rotation, bundles); the server then re-sends the full state on every open stream.
public protocol WorkloadIdentityProvider: Sendable {
    /// Notified whenever identities or bundles may have changed.
    var changes: ChangeSignal { get }

    /// The caller's X.509-SVIDs (the first is the default) and bundles, and when to ask again.
    func x509Issuance(for caller: WorkloadCaller) async throws(WorkloadIdentityError) -> X509Issuance

    /// The bundles the caller may use: its own trust domain's and federated ones.
    func bundles(for caller: WorkloadCaller) async throws(WorkloadIdentityError) -> BundleSet

    /// JWT-SVIDs for `audience`: one per identity of the caller, or only for `subject` when given
    /// (``WorkloadIdentityError/notEntitled(_:)`` when the caller has no such identity).
    func jwtSVIDs(
        for caller: WorkloadCaller,
        audience: [String],
        subject: SPIFFEID?
    ) async throws(WorkloadIdentityError) -> [JWTSVIDToken]
}

/// A provider's X.509 answer for one caller.
public struct X509Issuance: Sendable {
    /// The SVIDs and bundles.
    public let context: X509Context
    /// When the provider will hand out renewed SVIDs without a ``ChangeSignal`` notification (the earliest
    /// renewal time of the SVIDs); `nil` when it never will.
    public let refreshAt: Date?

    public init(context: X509Context, refreshAt: Date?) {
        self.context = context
        self.refreshAt = refreshAt
    }
}
