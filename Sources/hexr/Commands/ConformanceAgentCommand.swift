import A2A
import A2AHTTP
import A2ASQLite
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `hexr conformance-agent`: serves the A2A TCK's system under test.
struct ConformanceAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance-agent",
        abstract: "Serve the A2A TCK system-under-test agent (JSON-RPC and HTTP+JSON, plain HTTP).")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port; the URL is printed).")
    var port = 9999

    @Option(help: "Keep tasks in this SQLite file instead of in memory.")
    var database: String?

    @Flag(inversion: .prefixedNo, help: "Declare streaming (off: streaming methods fail with -32004).")
    var streaming = true

    @Flag(inversion: .prefixedNo, help: "Declare push notifications (off: push methods fail with -32003).")
    var pushNotifications = true

    @Flag(help: "Declare and serve an extended agent card.")
    var extendedCard = false

    @Option(help: "Declare this extension URI as required (repeatable); requests without it in A2A-Extensions fail.")
    var requiredExtension: [String] = []

    private var profile: ConformanceAgent.Profile {
        .init(streaming: streaming, pushNotifications: pushNotifications, extendedAgentCard: extendedCard,
              requiredExtensions: requiredExtension)
    }

    func run() async throws {
        var logger = Logger(label: "hexr.conformance-agent")
        logger.logLevel = .info
        let store: any TaskStore = try database.map { try SQLiteTaskStore(path: $0) } ?? InMemoryTaskStore()
        let paths = A2AServerPaths()
        let profile = self.profile
        let initialCard = ConformanceAgent.card(baseURL: URL(string: "http://\(host):\(port)")!,
                                                paths: (paths.jsonRPC, paths.rest), profile: profile)
        let service = A2AService(configuration: A2AServiceConfiguration(card: initialCard), handler: ConformanceAgent(),
                                 store: store, pushSender: HTTPPushNotificationSender(), logger: logger)
        let server = A2AAgentServer(
            service: service, host: host, port: port, paths: paths,
            makeCard: { ConformanceAgent.card(baseURL: $0, paths: (paths.jsonRPC, paths.rest), profile: profile) },
            onListening: { url in
                if profile.extendedAgentCard {
                    var extended = ConformanceAgent.card(baseURL: url, paths: (paths.jsonRPC, paths.rest), profile: profile)
                    extended.description += " (extended card)"
                    service.updateExtendedCard(extended)
                }
                Console.line("conformance agent listening on \(url) (card: \(url)\(A2AServerPaths.agentCard))")
            },
            logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
