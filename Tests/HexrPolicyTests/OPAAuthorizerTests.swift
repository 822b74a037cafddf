import AsyncHTTPClient
import Foundation
import HexrPolicy
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Rego
import Testing

@Suite struct OPAAuthorizerTests {
    static let allowAnswer = #"{"decision_id":"4f3c-d1","result":{"allow":true,"reasons":["same tenant"]}}"#

    /// Tests that are not about the timeout give OPA ample time (a loaded machine answers slowly).
    func authorizer(_ baseURL: URL, timeout: Duration = .seconds(15), cacheTTL: Duration = .zero) -> OPAAuthorizer {
        var logger = Logger(label: "test.opa")
        logger.logLevel = .critical
        return OPAAuthorizer(baseURL: baseURL, timeout: timeout, cacheTTL: cacheTTL, logger: logger)
    }

    @Test func allowResultAllowsAndSendsTheInputDocument() async throws {
        let opa = FakeOPA(answering: Self.allowAnswer)
        let input = try Inputs.sameTenant(traceID: "0af7651916cd43dd8448eb211c80319c")
        let decision = try await opa.run { url in await authorizer(url).authorize(input) }
        #expect(decision.allow)
        #expect(decision.reasons == ["same tenant"])
        #expect(decision.policyRevision.contains("4f3c-d1"))
        #expect(opa.receivedInputs == [input.regoValue])
    }

    /// Decisions reuse the connection to OPA: twenty sequential decisions, one TCP connection.
    @Test func decisionsReuseOneConnection() async throws {
        let opa = FakeOPA(answering: Self.allowAnswer)
        let input = try Inputs.sameTenant()
        try await opa.run { url in
            let opaAuthorizer = authorizer(url)
            for _ in 0..<20 {
                #expect(await opaAuthorizer.authorize(input).allow)
            }
        }
        #expect(opa.hits == 20)
        #expect(opa.connections == 1, "connections opened: \(opa.connections)")
    }

    @Test func denyResultDeniesWithItsReasons() async throws {
        let opa = FakeOPA(answering: #"{"result":{"allow":false,"reasons":["cross-tenant call without a grant"]}}"#)
        let decision = try await opa.run { url in await authorizer(url).authorize(try Inputs.crossTenant()) }
        #expect(!decision.allow)
        #expect(decision.reasons == ["cross-tenant call without a grant"])
        #expect(opa.hits == 1)
    }

    @Test(arguments: ["{}", #"{"decision_id":"d-9"}"#])
    func missingResultIsUndefinedAndDenies(answer: String) async throws {
        let opa = FakeOPA(answering: answer)
        let decision = try await opa.run { url in await authorizer(url).authorize(try Inputs.sameTenant()) }
        #expect(!decision.allow)
        #expect(decision.reasons.contains { $0.contains("undefined") })
        #expect(opa.hits == 1)
    }

    @Test func serverErrorDenies() async throws {
        let opa = FakeOPA { _ in FakeOPA.json(#"{"code":"internal_error","message":"boom"}"#, status: .internalServerError) }
        let decision = try await opa.run { url in await authorizer(url).authorize(try Inputs.sameTenant()) }
        #expect(!decision.allow)
        #expect(decision.reasons.contains { $0.contains("HTTP 500") })
        #expect(opa.hits == 1)
    }

    @Test func nonJSONBodyDenies() async throws {
        let opa = FakeOPA { _ in
            Response(status: .ok, headers: [.contentType: "text/html"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: "<html>allow</html>")))
        }
        let decision = try await opa.run { url in await authorizer(url).authorize(try Inputs.sameTenant()) }
        #expect(!decision.allow)
        #expect(decision.reasons.contains { $0.contains("not JSON") })
    }

    @Test func nonObjectResultShapeDenies() async throws {
        let opa = FakeOPA(answering: #"{"result":"yes"}"#)
        let decision = try await opa.run { url in await authorizer(url).authorize(try Inputs.sameTenant()) }
        #expect(!decision.allow)
    }

    @Test func slowAnswerDeniesWithinTheTimeout() async throws {
        let opa = FakeOPA { _ in
            try await Task.sleep(for: .seconds(2))
            return FakeOPA.json(Self.allowAnswer)
        }
        let (decision, elapsed) = try await opa.run { url in
            let clock = ContinuousClock()
            let start = clock.now
            let decision = await authorizer(url, timeout: .milliseconds(300)).authorize(try Inputs.sameTenant())
            return (decision, clock.now - start)
        }
        #expect(!decision.allow)
        #expect(decision.reasons.contains { $0.contains("no answer within") })
        #expect(elapsed >= .milliseconds(250))
        #expect(elapsed < .milliseconds(1950))  // before the server's 2 s answer, on a loaded machine too
    }

    @Test func stalledBodyDeniesWithinTheTimeout() async throws {
        let opa = FakeOPA { _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: #"{"result":"#))
                try await Task.sleep(for: .seconds(2))
                try await writer.write(ByteBuffer(string: #"{"allow":true}}"#))
                try await writer.finish(nil)
            })
        }
        let (decision, elapsed) = try await opa.run { url in
            let clock = ContinuousClock()
            let start = clock.now
            let decision = await authorizer(url, timeout: .milliseconds(300)).authorize(try Inputs.sameTenant())
            return (decision, clock.now - start)
        }
        #expect(!decision.allow)
        #expect(elapsed < .milliseconds(1950))  // before the server's 2 s answer, on a loaded machine too
    }

    @Test func connectionRefusedDeniesWithinTheTimeout() async throws {
        let url = try await Self.closedPortURL()
        // A client of its own (retrying connects, like the shared one), shut down at the end: its
        // retries must not outlive the test and reach a server that later gets the same port.
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var logger = Logger(label: "test.opa")
        logger.logLevel = .critical
        let clock = ContinuousClock()
        let start = clock.now
        let decision = await OPAAuthorizer(baseURL: url, client: client, timeout: .milliseconds(500), cacheTTL: .zero,
                                           logger: logger).authorize(try Inputs.sameTenant())
        try await client.shutdown()
        #expect(!decision.allow)
        #expect(decision.reasons.count == 1)
        #expect(decision.reasons[0].hasPrefix("opa: "))
        // Bounded by the 500 ms timeout (plus scheduling slack on a loaded machine), not by connect retries.
        #expect(clock.now - start < .seconds(5))
    }

    @Test func connectionRefusedDeniesAtOnceWithoutConnectRetries() async throws {
        let url = try await Self.closedPortURL()
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var logger = Logger(label: "test.opa")
        logger.logLevel = .critical
        let authorizer = OPAAuthorizer(baseURL: url, client: client, timeout: .seconds(5), cacheTTL: .zero,
                                       logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        let decision = await authorizer.authorize(try Inputs.sameTenant())
        let elapsed = clock.now - start
        try await client.shutdown()
        #expect(!decision.allow)
        #expect(decision.reasons.count == 1)
        #expect(decision.reasons[0].hasPrefix("opa: "))
        #expect(!decision.reasons[0].contains("no answer within"))
        #expect(elapsed < .seconds(2))
    }

    @Test func identicalInputsHitTheServerOnceWithinTheTTL() async throws {
        let opa = FakeOPA(answering: Self.allowAnswer)
        let decisions = try await opa.run { url in
            let authorizer = authorizer(url, cacheTTL: .seconds(60))
            let first = await authorizer.authorize(try Inputs.sameTenant(traceID: "aaaa"))
            let second = await authorizer.authorize(
                Inputs.call(from: try Inputs.agent("acme", "coordinator"), to: try Inputs.agent("acme", "writer"),
                            traceID: "bbbb", time: Date().addingTimeInterval(3)))
            let other = await authorizer.authorize(try Inputs.crossTenant())
            return [first, second, other]
        }
        #expect(decisions.allSatisfy { $0.allow })
        #expect(decisions[0].decisionID != decisions[1].decisionID)
        #expect(opa.hits == 2)
    }

    @Test func zeroTTLDisablesTheCache() async throws {
        let opa = FakeOPA(answering: Self.allowAnswer)
        try await opa.run { url in
            let authorizer = authorizer(url, cacheTTL: .zero)
            _ = await authorizer.authorize(try Inputs.sameTenant(traceID: "aaaa"))
            _ = await authorizer.authorize(try Inputs.sameTenant(traceID: "aaaa"))
        }
        #expect(opa.hits == 2)
    }

    @Test(arguments: [500, 0])
    func failuresAndUndefinedAreNotCached(status: Int) async throws {
        let opa = FakeOPA { _ in
            status == 0 ? FakeOPA.json("{}") : FakeOPA.json("{}", status: .init(code: status))
        }
        let decisions = try await opa.run { url in
            let authorizer = authorizer(url, cacheTTL: .seconds(60))
            return [await authorizer.authorize(try Inputs.sameTenant()), await authorizer.authorize(try Inputs.sameTenant())]
        }
        #expect(decisions.allSatisfy { !$0.allow })
        #expect(opa.hits == 2)
    }

    @Test func baseURLAndPathSlashesAreNormalized() async throws {
        let opa = FakeOPA(answering: Self.allowAnswer)
        let decision = try await opa.run { url in
            var logger = Logger(label: "test.opa")
            logger.logLevel = .critical
            let authorizer = OPAAuthorizer(baseURL: url.appending(path: "/"), path: "/hexr/authz/decision",
                                           cacheTTL: .zero, logger: logger)
            return await authorizer.authorize(try Inputs.sameTenant())
        }
        #expect(decision.allow)
        #expect(opa.hits == 1)
    }

    @Test func decisionsAreLogged() async throws {
        let opa = FakeOPA(answering: Self.allowAnswer)
        let lines = Collector<[UInt8]>()
        let decision = try await opa.run { url in
            var logger = Logger(label: "test.opa")
            logger.logLevel = .critical
            let authorizer = OPAAuthorizer(baseURL: url, cacheTTL: .zero, log: DecisionLog(sink: lines.append),
                                           logger: logger)
            return await authorizer.authorize(try Inputs.sameTenant())
        }
        let entry = try #require(lines.all.first)
        let value = try RegoValue(jsonData: entry)
        #expect(value["decision_id"] == .string(decision.decisionID))
        #expect(value["policy_revision"] == .string(decision.policyRevision))
    }

    /// A URL on 127.0.0.1 where nothing listens: a port just bound and released.
    static func closedPortURL() async throws -> URL {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return URL(string: "http://127.0.0.1:\(port)")!
    }
}
