import Logging
import SPIFFE
import ServiceLifecycle
import Synchronization

/// A live X.509-SVID and trust bundles from the Workload API: keeps `FetchX509SVID` and `FetchX509Bundles`
/// open, replaces its whole state atomically on every message, tells subscribers, and reconnects with bounded,
/// jittered exponential backoff when a stream breaks (stopping only on InvalidArgument or Unimplemented, as
/// go-spiffe does).
///
/// The streams run inside ``run()`` (a `Service`). ``currentSVID()`` and ``currentBundles()`` read a
/// mutex-protected snapshot and are safe from synchronous code such as a TLS handshake callback; the source is
/// itself a `TrustBundleSource` for ``X509SVIDVerifier``. JWT calls go through ``client`` while the source runs.
/// When the server answers PermissionDenied, the SVIDs are dropped (the standard says to stop using them) and
/// bundles are kept.
public final class X509Source: Service, TrustBundleSource, Sendable {
    /// The client whose connection ``run()`` runs.
    public let client: WorkloadAPIClient
    private let backoff: Backoff
    private let logger: Logger
    private let state = Mutex(State())
    /// Notified on every state change, for ``waitUntilReady(timeout:)``.
    private let changes = ChangeSignal()

    private struct State {
        var identities: [X509Identity]?
        var bundles: BundleSet?
        var lastError: WorkloadAPIError?
        var terminal: X509SourceError?
        var messages: UInt64 = 0
        var generation: UInt64 = 0
        var nextSubscriber: UInt64 = 0
        var subscribers: [UInt64: AsyncStream<X509Context>.Continuation] = [:]

        var context: X509Context? {
            guard let identities, let bundles else { return nil }
            return X509Context(identities: identities, bundles: bundles)
        }
    }

    private enum Feed: String {
        case svids = "FetchX509SVID"
        case bundles = "FetchX509Bundles"
    }

    /// A source for `endpoint`; nothing happens until ``run()``.
    public init(
        endpoint: WorkloadAPIEndpoint,
        backoff: Backoff = .default,
        logger: Logger = Logger(label: "hexr.workload-api.x509-source")
    ) throws(WorkloadAPIError) {
        self.client = try WorkloadAPIClient(endpoint: endpoint, backoff: backoff)
        self.backoff = backoff
        self.logger = logger
    }

    /// Connects and keeps both streams open until graceful shutdown (then returns) or cancellation; throws
    /// ``X509SourceError/failed(_:)`` when the server refuses for good. Call it once.
    public func run() async throws {
        defer { terminate(.stopped) }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.client.run() }
            defer { self.client.close() }
            try await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { feeds in
                    feeds.addTask { try await self.keepWatching(.svids) }
                    feeds.addTask { try await self.keepWatching(.bundles) }
                }
            }
        }
    }

    /// The default SVID (the first one the server sent).
    public func currentSVID() throws(X509SourceError) -> SPIFFE.X509SVID {
        try currentContext().defaultSVID
    }

    /// The current bundles by trust domain.
    public func currentBundles() throws(X509SourceError) -> BundleSet {
        let snapshot = state.withLock { ($0.bundles, $0.terminal, $0.lastError) }
        if let bundles = snapshot.0 { return bundles }
        throw snapshot.1 ?? .notReady(lastError: snapshot.2)
    }

    /// The current SVIDs and bundles.
    public func currentContext() throws(X509SourceError) -> X509Context {
        let snapshot = state.withLock { ($0.context, $0.terminal, $0.lastError) }
        if let context = snapshot.0 { return context }
        throw snapshot.1 ?? .notReady(lastError: snapshot.2)
    }

    /// The current SVIDs and bundles with a counter that increases whenever the SVIDs change (for caches of TLS
    /// contexts built from them).
    public func currentContextAndGeneration() throws(X509SourceError) -> (context: X509Context, generation: UInt64) {
        let snapshot = state.withLock { ($0.context, $0.generation, $0.terminal, $0.lastError) }
        if let context = snapshot.0 { return (context, snapshot.1) }
        throw snapshot.2 ?? .notReady(lastError: snapshot.3)
    }

    /// The current bundle of `trustDomain`, if any.
    public func bundle(for trustDomain: TrustDomain) -> TrustBundle? {
        state.withLock { $0.bundles?.bundle(for: trustDomain) }
    }

    /// Waits until the first SVID has arrived and returns the context; throws on timeout, terminal failure,
    /// stop or cancellation.
    public func waitUntilReady(timeout: Duration) async throws(X509SourceError) -> X509Context {
        let deadline = ContinuousClock.now + timeout
        while true {
            let version = changes.version
            let snapshot = state.withLock { ($0.context, $0.terminal, $0.lastError) }
            if let context = snapshot.0 { return context }
            if let terminal = snapshot.1 { throw terminal }
            if Task.isCancelled { throw .cancelled }
            if ContinuousClock.now >= deadline { throw .timedOut(lastError: snapshot.2) }
            await ChangeSignal.waitForAny([(changes, version)], until: deadline)
        }
    }

    /// Every change of SVIDs or bundles, starting with the current context if there is one. Only the newest
    /// undelivered context is buffered; the sequence ends when the source stops.
    public func updates() -> AsyncStream<X509Context> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: X509Context.self, bufferingPolicy: .bufferingNewest(1)
        )
        let id = state.withLock { state -> UInt64? in
            guard state.terminal == nil else { return nil }
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            if let context = state.context { continuation.yield(context) }
            return state.nextSubscriber
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Watches one feed, reconnecting with backoff; returns when cancelled.
    private func keepWatching(_ feed: Feed) async throws(X509SourceError) {
        var attempt = 0
        while !Task.isCancelled {
            let messagesBefore = state.withLock { $0.messages }
            let error: WorkloadAPIError
            do {
                switch feed {
                case .svids:
                    try await client.watchX509Contexts { self.apply(identities: $0.identities, bundles: $0.bundles) }
                case .bundles:
                    try await client.watchX509Bundles { self.apply(identities: nil, bundles: $0) }
                }
                error = .streamEnded
            } catch let caught {
                error = caught
            }
            if error == .cancelled || Task.isCancelled { return }
            record(error, from: feed)
            guard error.isRetryable else {
                logger.error("Workload API refused \(feed.rawValue); giving up", metadata: ["error": "\(error)"])
                terminate(.failed(error))
                throw .failed(error)
            }
            if state.withLock({ $0.messages }) != messagesBefore { attempt = 0 }
            let delay = backoff.delay(attempt: attempt)
            logger.debug("\(feed.rawValue) broke; retrying", metadata: ["error": "\(error)", "delay": "\(delay)"])
            try? await Task.sleep(for: delay)
            attempt += 1
        }
    }

    /// Replaces the state with a message's content (`identities` is `nil` for a bundles-only message) and tells
    /// subscribers when the SVIDs or bundles changed.
    private func apply(identities: [X509Identity]?, bundles: BundleSet) {
        state.withLock { state in
            state.messages += 1
            state.lastError = nil
            let sameSVIDs = identities.map { Self.sameIdentities($0, state.identities) } ?? true
            let unchanged = sameSVIDs && state.bundles == bundles
            if let identities { state.identities = identities }
            if !sameSVIDs { state.generation += 1 }
            state.bundles = bundles
            guard !unchanged, let context = state.context else { return }
            for subscriber in state.subscribers.values {
                subscriber.yield(context)
            }
        }
        changes.notify()
    }

    private func record(_ error: WorkloadAPIError, from feed: Feed) {
        state.withLock { state in
            state.lastError = error
            if feed == .svids, case .permissionDenied = error { state.identities = nil }
        }
        changes.notify()
    }

    /// Marks the source finished (the first reason wins) and ends every subscriber's sequence.
    private func terminate(_ reason: X509SourceError) {
        let subscribers = state.withLock { state in
            if state.terminal == nil { state.terminal = reason }
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers {
            subscriber.finish()
        }
        changes.notify()
    }

    private static func sameIdentities(_ lhs: [X509Identity], _ rhs: [X509Identity]?) -> Bool {
        guard let rhs, lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { $0.svid.certificatesDER == $1.svid.certificatesDER && $0.hint == $1.hint }
    }
}
