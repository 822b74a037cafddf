import ArgumentParser
import Foundation
import HexrTraceStore

/// `hexr trace`: a recorded trace as a waterfall.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print a recorded trace as a waterfall: agents, hops, durations, policy decisions, errors.")

    @Argument(help: "A trace id, a task id, or 'last' (the latest run).")
    var which: String = "last"

    @Option(help: "State directory of the control plane that recorded the spans.")
    var stateDir: String = ".hexr"

    func run() throws {
        let path = URL(fileURLWithPath: stateDir).appending(path: "traces.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no spans were recorded in \(stateDir) (run `hexr up` first, or pass --state-dir)")
        }
        let store = try SQLiteSpanStore(path: path)
        let traceID: String?
        if which == "last" {
            traceID = try store.lastTraceID()
        } else if which.count == 32, which.allSatisfy(\.isHexDigit) {
            traceID = which.lowercased()
        } else {
            traceID = try store.traceID(ofTask: which)
        }
        guard let traceID, case let spans = try store.spans(ofTrace: traceID), !spans.isEmpty else {
            throw ValidationError("no trace '\(which)' in \(stateDir) (give a trace id, a task id, or 'last')")
        }
        for line in TraceWaterfall().render(spans) { Console.line(line) }
    }
}
