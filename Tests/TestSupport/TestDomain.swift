import A2A
import A2AHTTP
import Foundation
import Logging
import SPIFFE

/// A trust domain with its signing authority, for issuing test SVIDs.
public struct TestDomain: Sendable {
    public let authority: SigningAuthority
    public var trustDomain: TrustDomain { authority.trustDomain }

    public init(_ name: String = "hexr.local", ttl: TimeInterval = 86_400, createdAt: Date = Date()) throws {
        authority = try SigningAuthority(
            configuration: .init(trustDomain: try TrustDomain(parsing: name), authorityTTL: ttl), now: createdAt)
    }

    public func id(_ path: String) throws -> SPIFFEID { try SPIFFEID(parsing: "spiffe://\(trustDomain.name)\(path)") }

    public func svid(_ path: String, ttl: TimeInterval? = nil, now: Date = Date()) throws -> X509SVID {
        try authority.issueX509SVID(for: try id(path), ttl: ttl, now: now)
    }

    public var bundles: BundleSet { BundleSet([authority.bundle]) }
}

public let quietLogger: Logger = {
    var logger = Logger(label: "test.mtls")
    logger.logLevel = .critical
    return logger
}()

/// Runs the server `make` builds (given the callback that reports its URL) for the duration of
/// `body`, passing its base URL.
public func withServer<T: Sendable>(
    _ make: (_ onListening: @escaping @Sendable (URL) async -> Void) -> A2AAgentServer,
    _ body: @Sendable (URL) async throws -> T
) async throws -> T {
    let (urls, sink) = AsyncStream.makeStream(of: URL.self)
    let server = make { sink.yield($0) }
    return try await withRunningServer([server], reporting: urls, body)
}

/// A test server did not report its URL.
public struct TestServerDidNotStart: Error {
    public init() {}
}
