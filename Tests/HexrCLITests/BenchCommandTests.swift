import Foundation
import HexrTestSupport
import Testing

/// `hexr bench …` and `scripts/bench-report.py`, at small counts: every benchmark `scripts/bench`
/// runs completes and prints the lines the report reads, with figures that hang together, and the
/// report puts each figure beside its goal with the verdict its number earns.
@Suite(.serialized) struct BenchCommandTests {
    static let repository = UpCommandTests.repository

    /// Runs `hexr bench <arguments>` to completion; returns its output, logged as `scripts/bench` does.
    private func bench(_ arguments: [String], into log: inout String, timeout: Duration = .seconds(180)) async throws -> String {
        let cli = try ExternalProcess(IdentityCommandTests.hexr, ["bench"] + arguments)
        let status = try await cli.waitForExit(timeout: timeout)
        #expect(status == 0, "hexr bench \(arguments.joined(separator: " ")): \(cli.stdout)\n\(cli.stderr)")
        log += "$ hexr bench \(arguments.joined(separator: " "))\n" + cli.stdout
        return cli.stdout
    }

    /// The numbers captured by `pattern`'s groups on the first line of `text` it matches.
    private func figures(_ pattern: String, in text: String) throws -> [Double] {
        let regex = try Regex(pattern).anchorsMatchLineEndings()
        let match = try #require(text.firstMatch(of: regex), "no line matches \(pattern) in:\n\(text)")
        return try (1..<match.output.count).map { index in
            let group = try #require(match.output[index].substring, "group \(index) of \(pattern)")
            return try #require(Double(group.replacingOccurrences(of: ",", with: "")), "\(group) is not a number")
        }
    }

    /// A full small run: every benchmark, then the report written from its log.
    @Test func everyBenchmarkRunsAndTheReportIsWrittenFromItsFigures() async throws {
        let python = try Interop.requirePython()
        var log = ""

        let echo = try ExternalProcess(python, [Interop.directory.appending(path: "a2a/echo_server.py").path, "--port", "0"])
        defer { echo.stop() }
        let baselineURL = try await echo.waitForLine(prefix: "READY ")
        for connections in [1, 16] {
            let out = try await bench(["baseline", "--url", baselineURL, "--requests", "64", "--connections", "\(connections)"],
                                      into: &log)
            let (rps, p50, p99) = try figures(#"^baseline \S+, \#(connections) connection\(s\): ([\d,.]+) req/s, p50 ([\d,.]+) µs, p99 ([\d,.]+) µs"#, in: out)
                .triple
            #expect(rps > 0 && p50 > 0 && p50 <= p99)
        }

        for connections in [1, 16] {
            let requests = 32 * connections
            let out = try await bench(["hop", "--requests", "\(requests)", "--connections", "\(connections)", "--rounds", "2"],
                                      into: &log)
            for label in [#"\(a\) plain HTTP"#, #"\(b\) mTLS"#, #"\(c\) mTLS \+ policy"#, #"\(d\) mTLS \+ policy \+ tracing"#] {
                let (rps, p50, p99) = try figures(#"^hop \#(label), \#(connections) connection\(s\): ([\d,.]+) req/s, p50 ([\d,.]+) µs, p99 ([\d,.]+) µs \((\d+) requests"#, in: out)
                    .triple
                #expect(rps > 0 && p50 > 0 && p50 <= p99, "\(label)")
                #expect(try figures(#"^hop \#(label), \#(connections) connection\(s\):.*\((\d+) requests"#, in: out) == [Double(requests)])
            }
            // Four spans per traced request: the client's, the server's, the policy decision, the handler's run.
            let spans = try figures(#"^hop \(d\) exported (\d+) spans"#, in: out)[0]
            #expect(spans >= Double(4 * requests), "\(out)")
        }

        let mtls = try await bench(["mtls", "--requests", "64", "--handshakes", "40"], into: &log)
        #expect(try figures(#"^full mTLS handshakes.*: (\d+)/s \(goal"#, in: mtls)[0] > 0)

        let svid = try await bench(["svid", "--count", "200"], into: &log)
        #expect(try figures(#"^SVID issuance: (\d+) in [\d.]+ s = (\d+)/s"#, in: svid)[0] == 200)

        let policy = try await bench(["policy", "--decisions", "2000"], into: &log)
        #expect(policy.contains("allow=true"), "the benchmark's inputs must be allowed: \(policy)")
        #expect(try figures(#"^policy gate [^:]*: p50 ([\d.]+) µs, p99 ([\d.]+) µs"#, in: policy).count == 2)

        let mesh = try await bench(["mesh", "--tasks", "60", "--replicas", "3", "--rounds", "3", "--hops", "3", "--runs", "10"],
                                   into: &log)
        let fanOut = try figures(#"^fan-out: (\d+) tasks to (\d+) agents, all results in ([\d.]+) s \(median of (\d+) rounds; fastest ([\d.]+) s, slowest ([\d.]+) s\)"#, in: mesh)
        #expect(fanOut[0] == 60 && fanOut[1] == 3 && fanOut[3] == 3)
        #expect(fanOut[4] <= fanOut[2] && fanOut[2] <= fanOut[5])
        #expect(try figures(#"^pipeline: (\d+) hops, end to end p50 ([\d.]+) ms, p99 ([\d.]+) ms over (\d+) runs"#, in: mesh)[0] == 3)

        try await agentLoadAndMemory(into: &log)

        let report = try writeReport(from: log)
        #expect(report.contains("| (d) mTLS + policy + tracing, 16 conn. |"))
        #expect(report.contains("| a2a-sdk 1.3.0 (Python, uvicorn, plain HTTP), 1 conn. |"))
        #expect(report.contains("$ hexr bench mesh --tasks 60") || report.contains("hexr bench mesh --tasks 60"))
        for figure in ["secured hop (d) vs a2a-sdk throughput, 1 conn.", "full mTLS handshakes per second",
                       "X.509-SVID issuance", "embedded policy decision (default policy)", "fan-out: 60 tasks to 3 agents",
                       "pipeline of 3 hops", "RSS of an idle agent"] {
            #expect(report.contains("| \(figure)"), "the report has no row for \(figure)")
        }
    }

    /// The report's verdicts follow the figures, on both sides of each goal's boundary.
    @Test func eachFigureGetsTheVerdictItsNumberEarns() throws {
        let log = try String(contentsOf: Self.repository.appending(path: "Tests/Fixtures/bench/run.log"), encoding: .utf8)
        func row(_ figure: String, in report: String) throws -> String {
            try #require(report.split(separator: "\n").first { $0.hasPrefix("| \(figure)") }.map(String.init),
                         "no row for \(figure)")
        }
        func replacing(_ pattern: String, with replacement: String) throws -> String {
            let regex = try Regex(pattern).anchorsMatchLineEndings()
            #expect(log.firstMatch(of: regex) != nil, "the fixture has no line matching \(pattern)")
            return log.replacing(regex, with: replacement)
        }

        let handshakes = #"^full mTLS handshakes (.*): \d+/s \(goal"#
        let svids = #"^SVID issuance: 20000 in [\d.]+ s = \d+/s"#
        for (count, verdict) in [("999", "✗ missed"), ("1000", "✓")] {
            let report = try writeReport(from: try replacing(handshakes, with: "full mTLS handshakes (fresh connections): \(count)/s (goal"))
            #expect(try row("full mTLS handshakes per second", in: report).hasSuffix("| \(verdict) |"))
        }
        for (rate, verdict) in [("1999", "✗ missed"), ("2000", "✓")] {
            let report = try writeReport(from: try replacing(svids, with: "SVID issuance: 20000 in 1.00 s = \(rate)/s"))
            #expect(try row("X.509-SVID issuance", in: report).hasSuffix("| \(verdict) |"))
        }
        let memory = #"^memory: idle_rss_kb=\d+"#
        for (kb, verdict) in [("29296", "✓"), ("29300", "✗ missed")] {  // 30 MB = 29,296.875 KiB
            let report = try writeReport(from: try replacing(memory, with: "memory: idle_rss_kb=\(kb)"))
            #expect(try row("RSS of an idle agent", in: report).hasSuffix("| \(verdict) |"))
        }
        // A log that lacks a figure is refused rather than reported without it.
        #expect(throws: (any Error).self) { try writeReport(from: try replacing(svids, with: "SVID issuance: not run")) }
    }

    /// `hexr up` of the bench fixture: the idle agent's memory, then `hexr bench agent` through it.
    private func agentLoadAndMemory(into log: inout String) async throws {
        let state = "/tmp/hexr-bench-up-" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let up = try ExternalProcess(IdentityCommandTests.hexr,
                                     ["up", Self.repository.appending(path: "Tests/Fixtures/bench").path, "--state-dir", state])
        defer { up.stop() }
        let started = try await up.waitForLine(prefix: "hexr: started hello-responder (pid ", timeout: .seconds(60))
        let agentPID = try #require(Int32(started.prefix { $0.isNumber }), "\(started)")
        _ = try await up.waitForLine(prefix: "hexr: hello-responder is up at", timeout: .seconds(60))
        let status = try String(contentsOfFile: "/proc/\(agentPID)/status", encoding: .utf8)
        let rss = try figures(#"^VmRSS:\s+(\d+) kB"#, in: status)[0]
        let anonymous = try figures(#"^RssAnon:\s+(\d+) kB"#, in: status)[0]
        #expect(anonymous > 0 && anonymous < rss)

        let load = try await bench(["agent", "hello-responder", "--state-dir", state, "--requests", "40", "--concurrency", "4"],
                                   into: &log)
        #expect(try figures(#"^agent load: (\d+) of (\d+) tasks completed"#, in: load) == [40, 40])
        log += "memory: idle_rss_kb=\(Int(rss)) load_peak_rss_kb=\(Int(rss)) idle_anon_kb=\(Int(anonymous)) load_peak_anon_kb=\(Int(anonymous))\n"
    }

    /// Runs `scripts/bench-report.py` on `log`; returns the Markdown it wrote, or throws its complaint.
    private func writeReport(from log: String) throws -> String {
        let python = try Interop.requirePython()
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-bench-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(log.utf8).write(to: directory.appending(path: "bench.log"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.repository.appending(path: "scripts/bench-report.py").path,
                             "--log", directory.appending(path: "bench.log").path,
                             "--out", directory.appending(path: "BENCHMARKS.md").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReportRefused(message: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        return try String(contentsOf: directory.appending(path: "BENCHMARKS.md"), encoding: .utf8)
    }

    struct ReportRefused: Error { var message: String }
}

private extension Array where Element == Double {
    var triple: (Double, Double, Double) { (self[0], self[1], self[2]) }
}
