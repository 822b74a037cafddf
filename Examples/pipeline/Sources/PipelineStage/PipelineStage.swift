import Foundation
import Hexr

/// One stage of the pipeline example: it works on the text it receives, hands its output to the
/// next stage (if any), and answers with every stage's output from here on. A stage whose next
/// stage fails fails too, naming where it broke.
public enum PipelineStage {
    /// Runs `work` on the task's text as stage `stage`, then delegates to `next`.
    ///
    /// Setting `PIPELINE_FAIL_AT=<stage>` makes that stage fail, to show how a failure travels back.
    public static func run(_ task: TaskContext, _ hexr: HexrContext, stage: String, next: String?,
                           work: (String) async throws -> String) async throws {
        if ProcessInfo.processInfo.environment["PIPELINE_FAIL_AT"] == stage {
            try await task.fail("\(stage) failed: PIPELINE_FAIL_AT=\(stage) asked it to")
            return
        }
        try await task.working("\(stage) at work")
        let output = try await work(task.text)
        var sections = ["== \(stage) (\(hexr.identity)) ==\n\(output)"]
        if let next {
            // The stages start together: the next one may register a moment after this one.
            _ = try await hexr.a2a.waitForAgent(next)
            let handedOver = try await hexr.a2a.send(agent: next, message: output)
            let result = try await hexr.a2a.wait(for: handedOver)
            guard result.status.state == .completed else {
                let reason = result.status.message?.text ?? result.status.state.rawValue
                try await task.fail(reason.hasPrefix("\(next) failed") ? reason : "\(next) failed: \(reason)")
                return
            }
            sections.append(result.output)
        }
        try await task.addArtifact(name: stage, parts: [.text(sections.joined(separator: "\n\n"))])
    }
}
