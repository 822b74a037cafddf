import Logging
import ServiceLifecycle

/// Runs `services` for the duration of `body`, then shuts them down **gracefully** and waits for them.
///
/// Servers in tests are never stopped by cancelling their task: a NIO async server channel that is
/// cancelled while an accepted connection is still buffered drops that connection without closing it,
/// and the process traps ("Deinited NIOAsyncWriter without calling finish()", swift-nio#2637).
/// Graceful shutdown closes the listener first and serves out what was accepted. Only when that takes
/// longer than `shutdownLimit` (an open stream) does the group fall back to cancellation — by then no
/// connection can be accepted any more.
///
/// `body` gets the group, to shut it down earlier itself.
public func withServiceGroup<T: Sendable>(
    _ services: [any Service],
    shutdownLimit: Duration = .seconds(10),
    logger: Logger = quietLogger,
    _ body: (ServiceGroup) async throws -> T
) async throws -> T {
    var configuration = ServiceGroupConfiguration(services: services, logger: logger)
    configuration.maximumGracefulShutdownDuration = shutdownLimit
    let group = ServiceGroup(configuration: configuration)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(group))
        } catch {
            outcome = .failure(error)
        }
        await group.triggerGracefulShutdown()
        do {
            try await tasks.waitForAll()
        } catch {
            // A service that failed matters only when the body itself succeeded.
            if case .success = outcome { throw error }
        }
        return try outcome.get()
    }
}

/// Runs `services` (one of which reports its URL through `urls`) for the duration of `body`, passing
/// the first URL reported; shuts them down gracefully afterwards (see ``withServiceGroup(_:shutdownLimit:logger:_:)``).
public func withRunningServer<T: Sendable, Address: Sendable>(
    _ services: [any Service],
    reporting addresses: AsyncStream<Address>,
    logger: Logger = quietLogger,
    _ body: (Address) async throws -> T
) async throws -> T {
    try await withServiceGroup(services, logger: logger) { _ in
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next() else { throw TestServerDidNotStart() }
        return try await body(address)
    }
}
