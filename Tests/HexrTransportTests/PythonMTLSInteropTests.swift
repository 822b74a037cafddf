import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import SPIFFE
import Testing

/// mTLS interop with the official Python SDK, using SVIDs our signing authority issued.
@Suite(.serialized)
struct PythonMTLSInteropTests {
    /// The SDK client (httpx with our bundle and its SVID) runs its check suite against a Swift
    /// agent served only over SPIFFE mTLS; the agent sees the client's SPIFFE ID.
    @Test(arguments: ["jsonrpc", "rest"])
    func pythonClientOverMTLS(binding: String) async throws {
        let domain = try TestDomain()
        let files = try PEMFiles()
        defer { files.remove() }
        let bundle = try files.write(domain.authority.bundle)
        let client = try files.write(try domain.svid("/agent/acme/python-client"), as: "client")
        let source = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/echo"), bundles: domain.bundles)
        let security = MTLSAgentServer.Security(source: source, refusals: TLSRefusalLog(logger: quietLogger))
        let service = A2AService(configuration: A2AServiceConfiguration(card: .minimal()), handler: EchoAgent(),
                                 pushSender: HTTPPushNotificationSender(), logger: quietLogger)
        try await withServer({ onListening in
            MTLSAgentServer.make(service: service, security: security, makeCard: { EchoAgent.card(baseURL: $0) },
                                 onListening: onListening, logger: quietLogger)
        }) { base in
            let suite = try ExternalProcess(try Interop.requirePython(), [
                Interop.directory.appending(path: "a2a/client_suite.py").path, "--url", base.absoluteString,
                "--binding", binding, "--cafile", bundle, "--certfile", client.cert, "--keyfile", client.key,
                "--server-spiffe-id", "spiffe://hexr.local/agent/acme/echo",
            ])
            let status = try await suite.waitForExit(timeout: .seconds(90))
            #expect(status == 0, "\(suite.stdout)\n\(suite.stderr)")
            #expect(suite.stdout.contains("PASS server_identity"))
            #expect(suite.stdout.contains("13 passed, 0 failed"), "\(suite.stdout)")
            let tasks = try await service.listTasks(
                ListTasksRequest(), context: A2ACallContext(caller: "spiffe://hexr.local/agent/acme/python-client"))
            #expect(tasks.totalSize > 0, "tasks are owned by the client's verified SPIFFE ID")
        }
    }

    /// Our client (presenting its SVID, requiring the server's exact SPIFFE ID) against an SDK
    /// server run by uvicorn with CERT_REQUIRED and our certificates.
    @Test(arguments: [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON])
    func swiftClientAgainstPythonMTLSServer(binding: String) async throws {
        let domain = try TestDomain()
        let files = try PEMFiles()
        defer { files.remove() }
        let bundle = try files.write(domain.authority.bundle)
        let serverID = try domain.id("/agent/acme/python-echo")
        let server = try files.write(try domain.authority.issueX509SVID(for: serverID), as: "server")
        let python = try ExternalProcess(try Interop.requirePython(), [
            Interop.directory.appending(path: "a2a/echo_server.py").path, "--host", "127.0.0.1", "--port", "0",
            "--certfile", server.cert, "--keyfile", server.key, "--cafile", bundle,
        ])
        defer { python.stop() }
        let base = try #require(URL(string: try await python.waitForLine(prefix: "READY ")))
        #expect(base.scheme == "https")
        let me = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/swift-client"), bundles: domain.bundles)
        let refusals = TLSRefusalLog(logger: quietLogger)
        let transport = PooledHTTPClient(security: SPIFFEClientSecurity(source: me, refusals: refusals) { _, _ in
            .exact(serverID)
        })
        let card = try await A2AClient.fetchCard(from: base, transport: transport)
        let client = try A2AClient(card: card, transport: transport, bindings: [binding])
        guard case .task(let task) = try await client.sendMessage(text: "hello") else {
            Issue.record("expected a task"); return
        }
        #expect(task.status.state == .completed)
        #expect(task.artifacts.first?.parts.first?.content == .text("echo: hello"))
        var kinds: [String] = []
        for try await event in try await client.sendStreamingMessage(SendMessageRequest(message: .user("stream"))) {
            if case .statusUpdate(let update) = event { kinds.append(update.status.state.rawValue) }
        }
        #expect(kinds == ["TASK_STATE_WORKING", "TASK_STATE_COMPLETED"])
        #expect(refusals.count == 0)

        // The same server, expected under another identity, is refused by our client.
        let wrong = PooledHTTPClient(security: SPIFFEClientSecurity(source: me, refusals: refusals) { _, _ in
            .exact(try! domain.id("/agent/acme/someone-else"))
        })
        await #expect(throws: (any Error).self) { _ = try await A2AClient.fetchCard(from: base, transport: wrong) }
        #expect(refusals.recentRefusals.contains { $0.peerRole == .server })
    }
}
