import Foundation
import Logging
import Synchronization
import Tracing

/// Runs agent handlers and owns everything that outlives a single request: handler runs, push
/// deliveries and the hubs of tasks in use.
///
/// Work is accepted from creation until `shutdown()`; it executes as child tasks of `run()` (work
/// submitted before `run()` starts waits for it), so cancelling `run()` cancels every handler, and
/// `shutdown()` lets running work finish while refusing new work.
final class TaskEngine: Sendable, TaskEventSink {
    typealias Job = @Sendable () async -> Void

    let store: any TaskStore
    let registry = HubRegistry()
    private let handler: any AgentHandler
    private let push: PushDispatcher?
    private let tracer: any Tracer
    private let logger: Logger
    private let jobs: AsyncStream<Job>
    private let jobSink: AsyncStream<Job>.Continuation
    private let state = Mutex(State.idle)

    private enum State { case idle, running, stopped }

    init(handler: any AgentHandler, store: any TaskStore, pushSender: (any PushNotificationSender)?,
         pushRetryDelays: [Duration], tracer: any Tracer, logger: Logger) {
        self.handler = handler
        self.store = store
        self.tracer = tracer
        self.logger = logger
        self.push = pushSender.map {
            PushDispatcher(sender: $0, store: store, retryDelays: pushRetryDelays, logger: logger)
        }
        (jobs, jobSink) = AsyncStream.makeStream(of: Job.self)
    }

    /// Executes submitted work until `shutdown()` (then waits for running work) or cancellation.
    func run() async {
        let started = state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running
            return true
        }
        guard started else {
            logger.error("the task engine can run only once")
            return
        }
        await withDiscardingTaskGroup { group in
            for await job in jobs {
                group.addTask { await job() }
            }
        }
        state.withLock { $0 = .stopped }
    }

    /// Stops accepting work; `run()` returns once running work has finished.
    func shutdown() {
        state.withLock { $0 = .stopped }
        jobSink.finish()
    }

    private func submit(_ job: @escaping Job) throws(A2AError) {
        let accepted = state.withLock { state -> Bool in
            if case .stopped = state { return false }
            return true
        }
        guard accepted, case .enqueued = jobSink.yield(job) else {
            throw A2AError.internalError("the agent is not running or is shutting down")
        }
    }

    // MARK: Hubs

    /// Leases the hub of an existing, published task (loading it from the store if needed).
    func lease(taskID: String, tenant: String) async throws(A2AError) -> HubLease? {
        let key = HubRegistry.Key(tenant: tenant, taskID: taskID)
        if let hub = registry.leaseExisting(key) {
            let lease = HubLease(hub: hub, registry: registry, key: key)
            return await hub.isPublished ? lease : nil
        }
        let loaded: TaskRecord?
        do {
            loaded = try await store.task(id: taskID, tenant: tenant)
        } catch {
            logger.error("task store read failed", metadata: ["task": "\(taskID)", "error": "\(error)"])
            throw A2AError.internalError("the task store is unavailable")
        }
        guard let loaded else { return nil }
        let hub = registry.register(TaskHub(record: loaded, isPublished: true, store: store, events: self), for: key)
        return HubLease(hub: hub, registry: registry, key: key)
    }

    /// Registers the hub of a new, unpublished task.
    func leaseNew(_ record: TaskRecord) -> HubLease {
        let key = HubRegistry.Key(tenant: record.tenant, taskID: record.task.id)
        let hub = registry.register(TaskHub(record: record, isPublished: false, store: store, events: self), for: key)
        return HubLease(hub: hub, registry: registry, key: key)
    }

    // MARK: Runs

    /// Starts the handler on the task held by `lease`; the run keeps the lease until it ends.
    func startRun(_ lease: HubLease, message: Message, call: A2ACallContext, isContinuation: Bool)
        async throws(A2AError)
    {
        let hub = lease.hub
        let signal = CancelSignal()
        await hub.beginRun(signal)
        let context = TaskContext(hub: hub, task: await hub.task, message: message, call: call,
                                  isContinuation: isContinuation)
        let handler = self.handler
        let logger = self.logger
        let tracer = self.tracer
        // The run belongs to the request's trace: delegations from the handler continue it.
        let parent = ServiceContext.current ?? .topLevel
        do {
            try submit {
                let span = tracer.startSpan("handle task", context: parent, ofKind: .internal)
                if span.isRecording {
                    span.updateAttributes { attributes in
                        attributes["a2a.task.id"] = context.taskID
                        attributes["a2a.context.id"] = context.contextID
                    }
                }
                var traced = context
                traced.span = span
                let ending = await ServiceContext.withValue(span.context) { [traced] in
                    await Self.execute(handler, context: traced, signal: signal)
                }
                if case .threw(let description) = ending {
                    logger.notice("handler failed", metadata: ["task": "\(context.taskID)", "error": "\(description)"])
                    span.attributes["error.type"] = "handler_failed"
                    span.setStatus(SpanStatus(code: .error, message: description))
                }
                await hub.endRun(ending)
                let state = await hub.task.status.state
                span.addEvent(SpanEvent(name: "a2a.task.state", attributes: ["a2a.task.state": "\(state.rawValue)"]))
                span.end()
                withExtendedLifetime(lease) {}
            }
        } catch {
            await hub.endRun(.threw(error.message))
            throw error
        }
    }

    private static func execute(_ handler: any AgentHandler, context: TaskContext, signal: CancelSignal) async
        -> RunEnding
    {
        await withTaskGroup(of: RunEnding?.self) { group in
            group.addTask {
                do {
                    try await handler.handle(context)
                    return .returned
                } catch is CancellationError {
                    return .canceled
                } catch let error as A2AError {
                    return .threw(error.message)
                } catch {
                    return Task.isCancelled ? .canceled : .threw(String(describing: error))
                }
            }
            group.addTask {
                await signal.wait()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            // Cancelled through the signal: wait for the handler to notice.
            while let result = await group.next() {
                if let result { return result == .returned ? .canceled : result }
            }
            return .canceled
        }
    }

    // MARK: TaskEventSink

    func taskEvent(_ event: StreamResponse, record: TaskRecord) {
        guard let push, let job = push.enqueue(event, record: record) else { return }
        do {
            try submit(job)
        } catch {
            logger.warning("push: not delivered, the agent is shutting down", metadata: ["task": "\(record.task.id)"])
        }
    }

    func saveFailed(taskID: String, error: any Error) {
        logger.error("task store write failed", metadata: ["task": "\(taskID)", "error": "\(error)"])
    }
}

