import Foundation
import Logging
import Synchronization
import Tracing

/// The A2A v1.0 operations of one agent, independent of any binding.
///
/// Bindings (JSON-RPC, HTTP+JSON) decode a request, build an `A2ACallContext` from what the
/// transport proved (the authenticated caller, the tenant) and call one method here. Every method
/// fails only with `A2AError`.
///
/// `run()` must be running for messages to be handled (it owns the handler runs); call it from a
/// service group, and `shutdown()` on graceful shutdown.
public final class A2AService: Sendable {
    private let settings: Mutex<A2AServiceConfiguration>
    let engine: TaskEngine
    /// Fixed at creation (only the cards change later), so requests read them without copying the
    /// whole configuration.
    private let gate: (any A2ARequestGate)?
    private let operators: Set<String>
    /// Traces this agent's requests and handler runs (`A2AServiceConfiguration.tracer`).
    public let tracer: any Tracer

    public init(
        configuration: A2AServiceConfiguration, handler: any AgentHandler,
        store: any TaskStore = InMemoryTaskStore(), pushSender: (any PushNotificationSender)? = nil,
        logger: Logger = Logger(label: "a2a.service")
    ) {
        self.settings = Mutex(configuration)
        self.gate = configuration.gate
        self.operators = configuration.operators
        self.tracer = configuration.tracer
        self.engine = TaskEngine(handler: handler, store: store, pushSender: pushSender,
                                 pushRetryDelays: configuration.pushRetryDelays, tracer: configuration.tracer,
                                 logger: logger)
    }

    /// Runs handlers and push deliveries until `shutdown()` (then lets them finish) or cancellation.
    public func run() async { await engine.run() }

    /// Stops accepting messages; running handlers finish.
    public func shutdown() { engine.shutdown() }

    /// The current configuration (card, extended card, push retry delays).
    public var configuration: A2AServiceConfiguration { settings.withLock { $0 } }

    /// The public Agent Card.
    public var card: AgentCard { configuration.card }

    /// Replaces the public Agent Card (e.g. once the server knows its own URL).
    public func updateCard(_ card: AgentCard) {
        settings.withLock {
            $0.card = card
            $0.cardModified = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        }
    }

    /// Replaces the extended Agent Card.
    public func updateExtendedCard(_ card: AgentCard?) {
        settings.withLock { $0.extendedCard = card }
    }

    // MARK: Messages

    /// `SendMessage`: starts or continues a task and answers per `returnImmediately`.
    public func sendMessage(_ request: SendMessageRequest, context: A2ACallContext) async throws(A2AError)
        -> SendMessageResponse
    {
        try await admit(.sendMessage, request, context)
        let (lease, events) = try await start(request, context: context, subscribe: true)
        let returnImmediately = request.configuration?.returnImmediately ?? false
        let historyLength = request.configuration?.historyLength
        for await event in events {
            switch event {
            case .message(let message):
                return .message(message)
            case .task(let task) where returnImmediately:
                await lease.hub.flush()
                return .task(task.limitingHistory(to: historyLength))
            default:
                if returnImmediately { break }
            }
            if returnImmediately { break }
        }
        if let direct = await lease.hub.reply { return .message(direct) }
        await lease.hub.flush()
        return .task(await lease.hub.task.limitingHistory(to: historyLength))
    }

    /// `SendStreamingMessage`: starts or continues a task and streams its events.
    public func sendStreamingMessage(_ request: SendMessageRequest, context: A2ACallContext)
        async throws(A2AError) -> TaskEventStream
    {
        try await admit(.sendStreamingMessage, request, context)
        guard configuration.supportsStreaming else {
            throw A2AError.unsupportedOperation("Streaming is not supported by the agent")
        }
        let (lease, events) = try await start(request, context: context, subscribe: true)
        return TaskEventStream(events: events, lease: lease)
    }

    private func start(_ request: SendMessageRequest, context: A2ACallContext, subscribe: Bool)
        async throws(A2AError) -> (HubLease, AsyncStream<StreamResponse>)
    {
        var message = request.message
        try Self.validate(message)
        if let length = request.configuration?.historyLength, length < 0 {
            throw A2AError.invalidParams("configuration.historyLength must not be negative")
        }
        let inlinePush = request.configuration?.taskPushNotificationConfig
        if inlinePush != nil, !configuration.supportsPush {
            throw A2AError.pushNotificationNotSupported("Push notifications are not supported by the agent")
        }
        if let taskID = message.taskId, !taskID.isEmpty {
            guard let lease = try await engine.lease(taskID: taskID, tenant: context.tenant),
                  await visible(lease.hub, to: context)
            else { throw A2AError.taskNotFound("Task \(taskID) not found") }
            let task = await lease.hub.task
            if let contextID = message.contextId, !contextID.isEmpty, contextID != task.contextId {
                throw A2AError.invalidParams(
                    "message.contextId \(contextID) does not match the context \(task.contextId) of task \(taskID)")
            }
            guard !task.status.state.isTerminal else {
                throw A2AError.unsupportedOperation(
                    "Task \(taskID) is in terminal state: \(task.status.state.rawValue)")
            }
            // A handler that asked for input may still be returning: give it a moment to end its run.
            if task.status.state.isInterrupted, await lease.hub.isRunning {
                await Self.waitForRunEnd(of: lease.hub, atMost: .seconds(5))
            }
            guard await !lease.hub.isRunning else {
                throw A2AError.unsupportedOperation(
                    "Task \(taskID) is still being worked on; only a task waiting for input accepts a new message")
            }
            message.contextId = task.contextId
            if let inlinePush { try await savePush(inlinePush, taskID: taskID, tenant: context.tenant) }
            await lease.hub.appendUserMessage(message)
            let events = await lease.hub.subscribe(startingWithSnapshot: false)
            try await engine.startRun(lease, message: message, call: context, isContinuation: true)
            return (lease, events)
        }
        let taskID = RandomIdentifier.uuid()
        let contextID = message.contextId.flatMap { $0.isEmpty ? nil : $0 } ?? RandomIdentifier.uuid()
        message.taskId = taskID
        message.contextId = contextID
        let task = A2ATask(
            id: taskID, contextId: contextID, status: TaskStatus(state: .submitted, message: nil, timestamp: nil),
            artifacts: [], history: [message], metadata: request.metadata)
        if let inlinePush { try await savePush(inlinePush, taskID: taskID, tenant: context.tenant) }
        let lease = engine.leaseNew(TaskRecord(task: task, tenant: context.tenant, owner: context.caller))
        let events = await lease.hub.subscribe(startingWithSnapshot: false)
        try await engine.startRun(lease, message: message, call: context, isContinuation: false)
        return (lease, events)
    }

    /// Waits (polling, bounded by `limit`) until the hub's run has ended.
    private static func waitForRunEnd(of hub: TaskHub, atMost limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while await hub.isRunning, ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                return
            }
        }
    }

    private static func validate(_ message: Message) throws(A2AError) {
        guard !message.messageId.isEmpty else {
            throw A2AError.invalidParams("message.messageId is required")
        }
        guard !message.parts.isEmpty else {
            throw A2AError.invalidParams("message.parts must contain at least one part")
        }
        guard message.role == .user else {
            throw A2AError.invalidParams("message.role must be ROLE_USER for a message sent to an agent")
        }
    }

    // MARK: Tasks

    /// `GetTask`.
    public func getTask(_ request: GetTaskRequest, context: A2ACallContext) async throws(A2AError) -> A2ATask {
        try await admit(A2AGateRequest(method: .getTask, taskID: request.id), context)
        if let length = request.historyLength, length < 0 {
            throw A2AError.invalidParams("historyLength must not be negative")
        }
        let lease = try await existing(request.id, context: context)
        return await lease.hub.task.limitingHistory(to: request.historyLength)
    }

    /// `ListTasks`: the caller's tasks in this tenant (an operator's: all of them), newest status first.
    public func listTasks(_ request: ListTasksRequest, context: A2ACallContext) async throws(A2AError)
        -> ListTasksResponse
    {
        try await admit(A2AGateRequest(method: .listTasks, contextID: request.contextId), context)
        let pageSize = request.pageSize ?? 50
        guard (1...100).contains(pageSize) else {
            throw A2AError.invalidParams("pageSize must be between 1 and 100, got \(pageSize)")
        }
        if let length = request.historyLength, length < 0 {
            throw A2AError.invalidParams("historyLength must not be negative")
        }
        if request.status == .unspecified {
            throw A2AError.invalidParams("status TASK_STATE_UNSPECIFIED is not a filter")
        }
        let cursor = try request.pageToken.flatMap { token throws(A2AError) in
            token.isEmpty ? nil : try TaskCursor(token: token)
        }
        let query = TaskQuery(
            tenant: context.tenant, owner: isOperator(context) ? nil : context.caller, contextID: request.contextId, state: request.status,
            statusTimestampAfter: request.statusTimestampAfter, pageSize: pageSize, cursor: cursor)
        let page: TaskPage
        do {
            page = try await engine.store.tasks(matching: query)
        } catch {
            throw A2AError.internalError("the task store is unavailable")
        }
        let includeArtifacts = request.includeArtifacts ?? false
        let tasks = page.records.map { record -> A2ATask in
            var task = record.task.limitingHistory(to: request.historyLength)
            if !includeArtifacts { task.artifacts = [] }
            return task
        }
        return ListTasksResponse(
            tasks: tasks, nextPageToken: page.next?.token ?? "", pageSize: pageSize, totalSize: page.totalSize)
    }

    /// `CancelTask`.
    public func cancelTask(_ request: CancelTaskRequest, context: A2ACallContext) async throws(A2AError) -> A2ATask {
        try await admit(A2AGateRequest(method: .cancelTask, taskID: request.id), context)
        let lease = try await existing(request.id, context: context)
        return try await lease.hub.cancel()
    }

    /// `SubscribeToTask`: the current task, then its events, until it ends or asks for input.
    public func subscribeToTask(_ request: SubscribeToTaskRequest, context: A2ACallContext)
        async throws(A2AError) -> TaskEventStream
    {
        try await admit(A2AGateRequest(method: .subscribeToTask, taskID: request.id), context)
        guard configuration.supportsStreaming else {
            throw A2AError.unsupportedOperation("Streaming is not supported by the agent")
        }
        let lease = try await existing(request.id, context: context)
        let state = await lease.hub.task.status.state
        guard !state.isTerminal else {
            throw A2AError.unsupportedOperation("Task \(request.id) is in terminal state: \(state.rawValue)")
        }
        let events = await lease.hub.subscribe(startingWithSnapshot: true)
        return TaskEventStream(events: events, lease: lease)
    }

    private func existing(_ taskID: String, context: A2ACallContext) async throws(A2AError) -> HubLease {
        guard !taskID.isEmpty else { throw A2AError.invalidParams("id is required") }
        guard let lease = try await engine.lease(taskID: taskID, tenant: context.tenant),
              await visible(lease.hub, to: context)
        else { throw A2AError.taskNotFound("Task \(taskID) not found") }
        return lease
    }

    /// A task is visible to the caller that created it and to operators; on an unauthenticated
    /// transport, to anyone.
    private func visible(_ hub: TaskHub, to context: A2ACallContext) async -> Bool {
        guard let caller = context.caller, let owner = await hub.record.owner else { return true }
        return caller == owner || isOperator(context)
    }

    private func isOperator(_ context: A2ACallContext) -> Bool {
        context.caller.map(operators.contains) ?? false
    }

    // MARK: Push notification configs

    /// `CreateTaskPushNotificationConfig`.
    public func createPushConfig(_ config: TaskPushNotificationConfig, context: A2ACallContext)
        async throws(A2AError) -> TaskPushNotificationConfig
    {
        try await admit(A2AGateRequest(method: .createTaskPushNotificationConfig, taskID: config.taskId), context)
        try requirePush()
        guard let taskID = config.taskId, !taskID.isEmpty else { throw A2AError.invalidParams("taskId is required") }
        _ = try await existing(taskID, context: context)
        return try await savePush(config, taskID: taskID, tenant: context.tenant)
    }

    /// `GetTaskPushNotificationConfig`.
    public func getPushConfig(_ request: GetTaskPushNotificationConfigRequest, context: A2ACallContext)
        async throws(A2AError) -> TaskPushNotificationConfig
    {
        try await admit(A2AGateRequest(method: .getTaskPushNotificationConfig, taskID: request.taskId), context)
        try requirePush()
        _ = try await existing(request.taskId, context: context)
        let found: TaskPushNotificationConfig?
        do {
            found = try await engine.store.pushConfig(taskID: request.taskId, id: request.id, tenant: context.tenant)
        } catch {
            throw A2AError.internalError("the task store is unavailable")
        }
        guard let found else {
            throw A2AError.taskNotFound("Push notification config \(request.id) not found for task \(request.taskId)")
        }
        return found
    }

    /// `ListTaskPushNotificationConfigs`.
    public func listPushConfigs(_ request: ListTaskPushNotificationConfigsRequest, context: A2ACallContext)
        async throws(A2AError) -> ListTaskPushNotificationConfigsResponse
    {
        try await admit(A2AGateRequest(method: .listTaskPushNotificationConfigs, taskID: request.taskId), context)
        try requirePush()
        _ = try await existing(request.taskId, context: context)
        let all: [TaskPushNotificationConfig]
        do {
            all = try await engine.store.pushConfigs(taskID: request.taskId, tenant: context.tenant)
        } catch {
            throw A2AError.internalError("the task store is unavailable")
        }
        let pageSize = request.pageSize ?? 100
        guard pageSize >= 1 else { throw A2AError.invalidParams("pageSize must be at least 1") }
        let start: Int
        if let token = request.pageToken, !token.isEmpty {
            guard let offset = Int(token), (0...all.count).contains(offset) else {
                throw A2AError.invalidParams("pageToken is not a token this agent issued")
            }
            start = offset
        } else {
            start = 0
        }
        let end = min(all.count, start + pageSize)
        return ListTaskPushNotificationConfigsResponse(
            configs: Array(all[start..<end]), nextPageToken: end < all.count ? String(end) : "")
    }

    /// `DeleteTaskPushNotificationConfig`. Deleting a config that does not exist succeeds.
    public func deletePushConfig(_ request: DeleteTaskPushNotificationConfigRequest, context: A2ACallContext)
        async throws(A2AError)
    {
        try await admit(A2AGateRequest(method: .deleteTaskPushNotificationConfig, taskID: request.taskId), context)
        try requirePush()
        _ = try await existing(request.taskId, context: context)
        do {
            try await engine.store.deletePushConfig(taskID: request.taskId, id: request.id, tenant: context.tenant)
        } catch {
            throw A2AError.internalError("the task store is unavailable")
        }
    }

    private func requirePush() throws(A2AError) {
        guard configuration.supportsPush else {
            throw A2AError.pushNotificationNotSupported("Push notifications are not supported by the agent")
        }
    }

    @discardableResult
    private func savePush(_ config: TaskPushNotificationConfig, taskID: String, tenant: String)
        async throws(A2AError) -> TaskPushNotificationConfig
    {
        guard let url = URL(string: config.url), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else {
            throw A2AError.invalidParams("push notification url must be an absolute http(s) URL, got '\(config.url)'")
        }
        var config = config
        config.taskId = taskID
        config.tenant = tenant.isEmpty ? nil : tenant
        if config.id?.isEmpty ?? true { config.id = taskID }
        do {
            try await engine.store.savePushConfig(config, tenant: tenant)
        } catch {
            throw A2AError.internalError("the task store is unavailable")
        }
        return config
    }

    // MARK: Authorization

    private func admit(_ request: A2AGateRequest, _ context: A2ACallContext) async throws(A2AError) {
        context.label(request)
        guard let gate else { return }
        try await gate.admit(request, context: context)
    }

    private func admit(_ method: A2AMethod, _ request: SendMessageRequest, _ context: A2ACallContext)
        async throws(A2AError)
    {
        let skill = request.message.metadata?["skill"]?.stringValue ?? request.metadata?["skill"]?.stringValue
        try await admit(A2AGateRequest(method: method, taskID: request.message.taskId,
                                       contextID: request.message.contextId, skill: skill), context)
    }

    // MARK: Cards

    /// `GetExtendedAgentCard`.
    public func extendedAgentCard(context: A2ACallContext) async throws(A2AError) -> AgentCard {
        try await admit(A2AGateRequest(method: .getExtendedAgentCard), context)
        let configuration = self.configuration
        guard configuration.card.capabilities.extendedAgentCard ?? false else {
            throw A2AError.unsupportedOperation("The agent does not support authenticated extended cards")
        }
        guard let card = configuration.extendedCard else {
            throw A2AError.extendedAgentCardNotConfigured("The extended agent card is not configured")
        }
        return card
    }
}

extension A2ATask {
    /// This task with at most `length` of its most recent history messages (`nil` = all, `0` = none).
    public func limitingHistory(to length: Int?) -> A2ATask {
        guard let length, history.count > length else { return self }
        var task = self
        task.history = Array(history.suffix(max(0, length)))
        return task
    }
}
