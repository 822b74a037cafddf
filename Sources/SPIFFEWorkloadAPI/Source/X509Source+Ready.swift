import Logging

extension X509Source {
    /// Runs a source for `endpoint` for the duration of `body`, which starts once the first SVID has
    /// arrived; the source stops when `body` returns.
    ///
    /// - Throws: ``X509SourceError`` when no SVID arrives within `timeout`; what `body` throws.
    public static func withReadySource<T: Sendable>(
        endpoint: WorkloadAPIEndpoint, timeout: Duration, logger: Logger,
        _ body: (X509Source, X509Context) async throws -> T
    ) async throws -> T {
        let source = try X509Source(endpoint: endpoint, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await source.run() }
            defer { tasks.cancelAll() }  // a client: cancellation is how it stops
            let context = try await source.waitUntilReady(timeout: timeout)
            return try await body(source, context)
        }
    }
}
