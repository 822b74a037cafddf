import Foundation
import GRPCCore

extension WorkloadAPIService {
    /// Writes `produce()`'s message now and again whenever it may have changed, until the client cancels, the
    /// server stops or `produce` fails (its status ends the stream, e.g. PermissionDenied when the caller's last
    /// entry is removed). `produce` also returns when its answer will change without a provider notification.
    func stream<Message: Sendable & Equatable>(
        to writer: RPCWriter<Message>,
        for caller: WorkloadCaller,
        produce: () async throws(RPCError) -> (Message, Date?)
    ) async throws -> Metadata {
        var lastSent: Message?
        while true {
            try Task.checkCancellation()
            if shutdown.version > 0 { throw RPCError.shuttingDown }
            let version = provider.changes.version
            let (message, refreshAt) = try await produce()
            try checkStillRunning(caller)
            if message != lastSent {
                try await writer.write(message)
                lastSent = message
            }
            // A floor keeps a provider that keeps announcing past refresh times from spinning the loop.
            let deadline = refreshAt.map { ContinuousClock.now + .seconds(max(0.05, $0.timeIntervalSinceNow)) }
            await ChangeSignal.waitForAny([(provider.changes, version), (shutdown, 0)], until: deadline)
        }
    }
}
