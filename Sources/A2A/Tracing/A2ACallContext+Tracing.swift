import Tracing

extension A2ACallContext {
    /// Names the request's span after the A2A method and records what the request is about.
    func label(_ request: A2AGateRequest) {
        guard let span, span.isRecording else { return }
        span.operationName = "A2A \(request.method.rawValue)"
        // One update: each `span.attributes[…] =` copies the whole attribute set under the span's lock.
        span.updateAttributes { attributes in
            attributes["rpc.method"] = "a2a/\(request.method.rawValue)"
            if let caller { attributes["hexr.caller.spiffe_id"] = caller }
            if let taskID = request.taskID { attributes["a2a.task.id"] = taskID }
            if let contextID = request.contextID { attributes["a2a.context.id"] = contextID }
            if let skill = request.skill { attributes["a2a.skill"] = skill }
        }
    }

    /// Marks the request's span as failed with the A2A error it answered.
    public func recordFailure(_ error: A2AError) {
        guard let span else { return }
        span.recordError(error)
        span.updateAttributes { attributes in
            attributes["error.type"] = error.reason
            attributes["a2a.error.code"] = error.code
        }
        span.setStatus(SpanStatus(code: .error, message: error.message))
    }
}
