import Foundation
import SPIFFEWorkloadAPI
import Testing
import HexrTestSupport

@Suite("Workload API server lifecycle", .timeLimit(.minutes(1)))
struct ServerLifecycleTests {
    @Test("the bound socket is made accessible to every local user, as SPIRE's agent does")
    func socketPermissions() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try await api.withServer { _ in
            let mode = try await withTimeout(5, "the socket mode to become 0777") {
                while true {
                    let attributes = try FileManager.default.attributesOfItem(atPath: api.socketPath)
                    let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
                    if mode == 0o777 { return mode }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            #expect(mode == 0o777)
        }
    }

    @Test("a socket path that cannot be bound makes run() throw")
    func bindFailure() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        let server = WorkloadAPIServer(socketPath: api.directory.path + "/missing/api.sock", provider: api.provider)
        await #expect(throws: (any Error).self) {
            try await withTimeout(10, "run() to fail") { try await server.run() }
        }
    }

    @Test("a stale socket left by a crashed server is replaced when the next one starts")
    func staleSocket() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try Self.leaveStaleSocket(at: api.socketPath)
        let attributes = try FileManager.default.attributesOfItem(atPath: api.socketPath)
        #expect(attributes[.type] as? FileAttributeType == .typeSocket)
        try await api.withServer { _ in
            try await api.withClient { client in
                let context = try await withTimeout(10, "FetchX509SVID") { try await client.fetchX509Context() }
                #expect(context.defaultSVID.id == TestWorkloadAPI.id("/workload"))
            }
        }
    }

    @Test("a regular file at the socket path is left alone and run() fails")
    func regularFileKept() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        #expect(FileManager.default.createFile(atPath: api.socketPath, contents: Data("keep".utf8)))
        let server = WorkloadAPIServer(socketPath: api.socketPath, provider: api.provider)
        await #expect(throws: (any Error).self) {
            try await withTimeout(10, "run() to fail") { try await server.run() }
        }
        #expect(FileManager.default.contents(atPath: api.socketPath) == Data("keep".utf8))
    }

    /// Binds a unix socket at `path` and closes it without unlinking, as a crashed server would leave it.
    private static func leaveStaleSocket(at path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw TestFailure("path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else { throw TestFailure("bind() failed: errno \(errno)") }
    }
}
