import Foundation
import Rego
import Synchronization

/// Every decision as one JSON line: `{"decision_id", "time", "input", "result", "policy_revision",
/// "trace_id"}` — replayable with `hexr policy replay`.
public final class DecisionLog: Sendable {
    private let sink: @Sendable ([UInt8]) -> Void

    /// Appends lines to the file at `path` (created if missing).
    public convenience init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let file = Mutex(handle)
        self.init { line in file.withLock { $0.write(Data(line)) } }
    }

    /// Sends each line (with its trailing newline) to `sink`.
    public init(sink: @escaping @Sendable ([UInt8]) -> Void) {
        self.sink = sink
    }

    func record(input: AuthorizationInput, decision: AuthorizationDecision) {
        let entry = RegoValue.object(RegoObject([
            "decision_id": .string(decision.decisionID),
            "time": .string(RFC3339.format(Date())),
            "input": input.regoValue,
            "result": .object(RegoObject([
                "allow": .bool(decision.allow),
                "reasons": .array(decision.reasons.map(RegoValue.string)),
            ])),
            "policy_revision": .string(decision.policyRevision),
            "trace_id": input.traceID.map(RegoValue.string) ?? .null,
        ]))
        sink(entry.jsonData() + [0x0A])
    }
}
