import Foundation
import Logging
import Synchronization
import Tracing

/// Sends every event of a task to the task's push-notification configs, in order, with retries.
///
/// Events of one task are delivered one after another (a webhook sees them in the order they
/// happened); different tasks deliver concurrently. Delivery runs as jobs of the engine, so it is
/// owned by the engine's task group and stops with it. Each delivery runs in the trace context of
/// the moment its event happened, so the webhook request carries that trace.
final class PushDispatcher: Sendable {
    private struct Queue {
        var pending: [(StreamResponse, TaskRecord, ServiceContext)] = []
        var isDraining = false
    }

    private let sender: any PushNotificationSender
    private let store: any TaskStore
    private let retryDelays: [Duration]
    private let logger: Logger
    private let queues = Mutex<[HubRegistry.Key: Queue]>([:])

    init(sender: any PushNotificationSender, store: any TaskStore, retryDelays: [Duration], logger: Logger) {
        self.sender = sender
        self.store = store
        self.retryDelays = retryDelays
        self.logger = logger
    }

    /// Queues `event`; returns a job to run when this call started the task's drain.
    func enqueue(_ event: StreamResponse, record: TaskRecord) -> (@Sendable () async -> Void)? {
        let key = HubRegistry.Key(tenant: record.tenant, taskID: record.task.id)
        let startDrain = queues.withLock { queues -> Bool in
            var queue = queues[key] ?? Queue()
            queue.pending.append((event, record, ServiceContext.current ?? .topLevel))
            let start = !queue.isDraining
            queue.isDraining = true
            queues[key] = queue
            return start
        }
        guard startDrain else { return nil }
        return { [self] in await drain(key) }
    }

    private func next(_ key: HubRegistry.Key) -> (StreamResponse, TaskRecord, ServiceContext)? {
        queues.withLock { queues in
            guard var queue = queues[key], !queue.pending.isEmpty else {
                queues[key] = nil
                return nil
            }
            let item = queue.pending.removeFirst()
            queues[key] = queue
            return item
        }
    }

    private func drain(_ key: HubRegistry.Key) async {
        while let (event, record, trace) = next(key) {
            let configs: [TaskPushNotificationConfig]
            do {
                configs = try await store.pushConfigs(taskID: record.task.id, tenant: record.tenant)
            } catch {
                logger.error("push: cannot read configs", metadata: ["task": "\(record.task.id)", "error": "\(error)"])
                continue
            }
            for config in configs {
                await ServiceContext.withValue(trace) { await deliver(event, to: config, taskID: record.task.id) }
            }
        }
    }

    private func deliver(_ event: StreamResponse, to config: TaskPushNotificationConfig, taskID: String) async {
        var attempt = 0
        while true {
            do {
                try await sender.deliver(event, to: config)
                return
            } catch {
                guard attempt < retryDelays.count, !Task.isCancelled else {
                    logger.warning(
                        "push: giving up on a notification",
                        metadata: ["task": "\(taskID)", "url": "\(config.url)", "attempts": "\(attempt + 1)",
                                   "error": "\(error)"])
                    return
                }
                try? await Task.sleep(for: retryDelays[attempt])
                attempt += 1
            }
        }
    }
}
