import Crypto
import Foundation
import SPIFFE
import Testing

@testable import SPIFFEWorkloadAPI

/// WorkloadSelector matching against a real child process (`/bin/sleep`), read through `/proc`.
@Suite("WorkloadSelector matching")
struct SelectorMatchingTests {
    static let sleep = "/bin/sleep"

    /// The entries of a store holding one entry per selector list that `child` matches, by path of their ID.
    private func matched(_ child: ChildProcess, _ selectorLists: [String: [WorkloadSelector]]) throws -> Set<String> {
        let store = RegistrationStore()
        for (path, selectors) in selectorLists {
            try store.register(RegistrationEntry(spiffeID: TestWorkloadAPI.id(path), selectors: selectors))
        }
        let caller = try caller(of: child)
        return Set(store.entries(matching: caller).map(\.spiffeID.path))
    }

    private func caller(of child: ChildProcess) throws -> WorkloadCaller {
        guard case .process(let pid, let startTime) = try WorkloadSelector.process(pid: child.pid) else {
            throw TestFailure("WorkloadSelector.process(pid:) did not return a process selector")
        }
        return WorkloadCaller(pid: pid, uid: getuid(), gid: getgid(), startTime: startTime)
    }

    @Test("uid and gid selectors match the caller's ids only")
    func uidAndGid() async throws {
        try await ChildProcess.with(Self.sleep, ["30"]) { child in
            let matched = try matched(
                child,
                [
                    "/uid": [.uid(getuid())],
                    "/other-uid": [.uid(getuid() &+ 1)],
                    "/gid": [.gid(getgid())],
                    "/other-gid": [.gid(getgid() &+ 1)],
                ])
            #expect(matched == ["/uid", "/gid"])
        }
    }

    @Test("path and sha256 selectors match the caller's executable")
    func pathAndDigest() async throws {
        let executable = URL(fileURLWithPath: Self.sleep).resolvingSymlinksInPath().path
        let digest = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: executable)))
            .map { String(format: "%02x", $0) }.joined()
        try await ChildProcess.with(Self.sleep, ["30"]) { child in
            let matched = try matched(
                child,
                [
                    "/path": [.path(executable)],
                    "/other-path": [.path("/usr/bin/env")],
                    "/digest": [.sha256(digest)],
                    "/other-digest": [.sha256(String(repeating: "0", count: 64))],
                ])
            #expect(matched == ["/path", "/digest"])
        }
    }

    @Test("hexr:pid matches only with the process's recorded start time")
    func processStartTime() async throws {
        try await ChildProcess.with(Self.sleep, ["30"]) { child in
            let selector = try WorkloadSelector.process(pid: child.pid)
            guard case .process(let pid, let startTime) = selector else {
                Issue.record("WorkloadSelector.process(pid:) returned \(selector)")
                return
            }
            #expect(pid == child.pid)
            let matched = try matched(
                child,
                [
                    "/launched": [selector],
                    "/reused-pid": [.process(pid: pid, startTime: startTime + 1)],
                    "/other-pid": [.process(pid: getpid(), startTime: startTime)],
                ])
            #expect(matched == ["/launched"])
        }
    }

    @Test("an entry matches only when all its selectors do")
    func allSelectorsRequired() async throws {
        try await ChildProcess.with(Self.sleep, ["30"]) { child in
            let matched = try matched(
                child,
                [
                    "/both": [.uid(getuid()), .gid(getgid())],
                    "/one-wrong": [.uid(getuid()), .path("/usr/bin/env")],
                ])
            #expect(matched == ["/both"])
        }
    }

    @Test("a caller whose process has exited is reported gone")
    func callerGone() throws {
        let child = try ChildProcess(Self.sleep, ["30"])
        defer { child.stop() }
        let caller = try caller(of: child)
        try caller.checkStillRunning()
        child.stop()
        #expect(throws: AttestationError.callerGone(pid: caller.pid)) { try caller.checkStillRunning() }
    }

    @Test("the stat start time is field 22, counted after the last parenthesis of the command name")
    func statParsing() throws {
        let fields = (3...30).map { $0 == 22 ? "777" : "\($0)" }.joined(separator: " ")
        let line = Array("42 (odd) name (x) \(fields)\n".utf8)
        #expect(try ProcFS.startTime(statLine: line, pid: 42) == 777)
        #expect(throws: AttestationError.malformedStat(pid: 42)) {
            try ProcFS.startTime(statLine: Array("42 (short) S 1 2".utf8), pid: 42)
        }
    }

    @Test("registration refuses entries without selectors, with a bad TTL or a duplicate ID")
    func registrationValidation() throws {
        let id = TestWorkloadAPI.id("/w")
        #expect(throws: RegistrationError.noSelectors(id)) { try RegistrationEntry(spiffeID: id, selectors: []) }
        #expect(throws: RegistrationError.invalidTTL(0)) {
            try RegistrationEntry(spiffeID: id, selectors: [.uid(1)], ttl: 0)
        }
        let store = RegistrationStore()
        let entry = try RegistrationEntry(spiffeID: id, selectors: [.uid(1)])
        try store.register(entry)
        #expect(throws: RegistrationError.duplicateEntry(entry.id)) { try store.register(entry) }
        #expect(store.remove(id: entry.id))
        #expect(!store.remove(id: entry.id))
    }
}
