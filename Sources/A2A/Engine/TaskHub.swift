import Foundation

/// The live state of one task while anything uses it: a running handler, streaming subscribers or a
/// request in progress.
///
/// Invariants:
/// - All changes to a task go through its hub, so they are applied in one order, checked against
///   the state machine, broadcast to every subscriber in that order and persisted last-write-wins
///   (the newest snapshot is always the last one saved).
/// - A new task is *unpublished* until its first event: until then it is in no store and no
///   registry, and the handler may still answer with a direct `Message` instead of a task.
/// - Subscriber streams end after a terminal or interrupted status, or when the task ends without one.
actor TaskHub {
    private(set) var record: TaskRecord
    private(set) var isPublished: Bool
    private let store: any TaskStore
    private let events: any TaskEventSink

    private var subscribers: [Int: AsyncStream<StreamResponse>.Continuation] = [:]
    private var nextSubscriberID = 0
    private var cancelSignal: CancelSignal?
    /// The status when the current run began: a run that leaves it untouched ends by how it returned.
    private var statusAtRunStart: TaskStatus?
    private var directReply: Message?

    private var pendingSave: TaskRecord?
    private var isSaving = false
    private var saveWaiters: [CheckedContinuation<Void, Never>] = []
    private var lastSaveError: (any Error)?

    init(record: TaskRecord, isPublished: Bool, store: any TaskStore, events: any TaskEventSink) {
        self.record = record
        self.isPublished = isPublished
        self.store = store
        self.events = events
    }

    var task: A2ATask { record.task }
    var isRunning: Bool { cancelSignal != nil }
    var reply: Message? { directReply }

    // MARK: Subscribers

    /// A stream of this task's events from now on. With `startingWithSnapshot`, the current task is
    /// the first element (what `SubscribeToTask` must send).
    func subscribe(startingWithSnapshot: Bool) -> AsyncStream<StreamResponse> {
        let (stream, continuation) = AsyncStream.makeStream(of: StreamResponse.self)
        if startingWithSnapshot { continuation.yield(.task(record.task)) }
        let id = nextSubscriberID
        nextSubscriberID += 1
        subscribers[id] = continuation
        return stream
    }

    /// Whether any stream is still listening.
    var hasSubscribers: Bool { !subscribers.isEmpty }

    private func broadcast(_ event: StreamResponse, closing: Bool) {
        for (id, continuation) in subscribers {
            if case .terminated = continuation.yield(event) {
                subscribers[id] = nil  // the consumer went away
            } else if closing {
                continuation.finish()
            }
        }
        if closing { subscribers.removeAll() }
    }

    // MARK: Runs

    /// Marks a handler run as started; `signal` cancels it.
    func beginRun(_ signal: CancelSignal) {
        cancelSignal = signal
        statusAtRunStart = record.task.status
    }

    /// Ends the current run. A published task left in a non-final state is completed, failed or
    /// canceled according to how the handler ended; subscribers are released.
    func endRun(_ ending: RunEnding) async {
        cancelSignal = nil
        if directReply != nil { return }
        let state = record.task.status.state
        // A task the handler left waiting for input stays so — unless this run (a follow-up to that
        // very request) never touched the status: then it ends like any other run.
        let untouched = record.task.status == statusAtRunStart
        if !state.isTerminal && (!state.isInterrupted || untouched) {
            switch ending {
            case .returned:
                try? await updateStatus(TaskStatus(state: .completed, message: nil, timestamp: nil))
            case .threw(let description):
                let message = agentMessage(text: description)
                try? await updateStatus(TaskStatus(state: .failed, message: message, timestamp: nil))
            case .canceled:
                try? await updateStatus(TaskStatus(state: .canceled, message: nil, timestamp: nil))
            }
        }
        broadcast(.task(record.task), closing: true)
        await flush()
    }

    /// Cancels the task: the running handler (if any) is cancelled and the task moves to `canceled`.
    func cancel() async throws(A2AError) -> A2ATask {
        let state = record.task.status.state
        guard !state.isTerminal else {
            throw A2AError.taskNotCancelable("Task \(record.task.id) is in terminal state \(state.rawValue)")
        }
        try await updateStatus(TaskStatus(state: .canceled, message: nil, timestamp: nil))
        cancelSignal?.fire()
        await flush()
        return record.task
    }

    // MARK: Events

    /// Publishes a new task: it becomes visible, is saved, and subscribers receive it.
    func publishIfNeeded() async {
        guard !isPublished else { return }
        isPublished = true
        record.task.status.timestamp = record.task.status.timestamp ?? TaskClock.now()
        broadcast(.task(record.task), closing: false)
        events.taskEvent(.task(record.task), record: record)
        await persist()
    }

    /// Moves the task to a new status (validated against the state machine).
    func updateStatus(_ status: TaskStatus) async throws(A2AError) {
        if directReply != nil {
            throw A2AError.invalidAgentResponse("the handler already answered with a message; it cannot also update a task")
        }
        await publishIfNeeded()
        try TaskTransition.check(taskID: record.task.id, from: record.task.status.state, to: status.state)
        var status = status
        status.timestamp = status.timestamp ?? TaskClock.now()
        if var message = status.message {
            message.taskId = record.task.id
            message.contextId = record.task.contextId
            status.message = message
        }
        if let previous = record.task.status.message { record.task.history.append(previous) }
        record.task.status = status
        let event = StreamResponse.statusUpdate(
            TaskStatusUpdateEvent(taskId: record.task.id, contextId: record.task.contextId, status: status, metadata: nil))
        broadcast(event, closing: status.state.isTerminal || status.state.isInterrupted)
        events.taskEvent(event, record: record)
        await persist()
    }

    /// Adds or extends an artifact.
    func addArtifact(_ artifact: Artifact, append: Bool, lastChunk: Bool) async throws(A2AError) {
        if directReply != nil {
            throw A2AError.invalidAgentResponse("the handler already answered with a message; it cannot also add artifacts")
        }
        await publishIfNeeded()
        let state = record.task.status.state
        guard !state.isTerminal else {
            throw A2AError.invalidAgentResponse("task \(record.task.id) is \(state.rawValue); it takes no more artifacts")
        }
        if append, let index = record.task.artifacts.firstIndex(where: { $0.artifactId == artifact.artifactId }) {
            record.task.artifacts[index].parts.append(contentsOf: artifact.parts)
        } else if let index = record.task.artifacts.firstIndex(where: { $0.artifactId == artifact.artifactId }) {
            record.task.artifacts[index] = artifact
        } else {
            record.task.artifacts.append(artifact)
        }
        let event = StreamResponse.artifactUpdate(
            TaskArtifactUpdateEvent(
                taskId: record.task.id, contextId: record.task.contextId, artifact: artifact,
                append: append, lastChunk: lastChunk, metadata: nil))
        broadcast(event, closing: false)
        events.taskEvent(event, record: record)
        await persist()
    }

    /// Answers the request with a message instead of a task. Only possible before the task was published.
    func replyDirectly(_ message: Message) throws(A2AError) {
        guard !isPublished else {
            throw A2AError.invalidAgentResponse(
                "task \(record.task.id) was already created; send the message as a status message or artifact")
        }
        guard directReply == nil else {
            throw A2AError.invalidAgentResponse("the handler already answered with a message")
        }
        var message = message
        message.contextId = message.contextId ?? record.task.contextId
        directReply = message
        broadcast(.message(message), closing: true)
    }

    /// Appends a user message to the history (a follow-up to an interrupted task).
    func appendUserMessage(_ message: Message) async {
        if let previous = record.task.status.message {
            record.task.history.append(previous)
            record.task.status.message = nil
        }
        record.task.history.append(message)
        await persist()
    }

    /// A message from the agent in this task's context.
    func agentMessage(text: String) -> Message {
        Message(
            messageId: RandomIdentifier.uuid(), contextId: record.task.contextId, taskId: record.task.id,
            role: .agent, parts: [.text(text)], metadata: nil, extensions: [], referenceTaskIds: [])
    }

    // MARK: Persistence

    /// Saves the current record. While one caller is saving, others only leave their snapshot
    /// behind; the saving caller keeps going until no newer snapshot is pending, so the last
    /// snapshot saved is always the newest.
    private func persist() async {
        guard isPublished else { return }
        pendingSave = record
        guard !isSaving else { return }
        isSaving = true
        while let snapshot = pendingSave {
            pendingSave = nil
            do {
                try await store.save(snapshot)
            } catch {
                lastSaveError = error
                events.saveFailed(taskID: snapshot.task.id, error: error)
            }
        }
        isSaving = false
        let waiters = saveWaiters
        saveWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until every change so far is in the store.
    func flush() async {
        guard isSaving || pendingSave != nil else { return }
        await withCheckedContinuation { saveWaiters.append($0) }
    }
}

/// How a handler run ended.
enum RunEnding: Sendable, Equatable {
    case returned
    case threw(String)
    case canceled
}

/// Receives every event of every task (push notifications, tracing, logs).
protocol TaskEventSink: Sendable {
    func taskEvent(_ event: StreamResponse, record: TaskRecord)
    func saveFailed(taskID: String, error: any Error)
}
