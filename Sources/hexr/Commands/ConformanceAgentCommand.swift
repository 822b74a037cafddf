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

    func run() async throws {
        var logger = Logger(label: "hexr.conformance-agent")
        logger.logLevel = .info
        let store: any TaskStore = try database.map { try SQLiteTaskStore(path: $0) } ?? InMemoryTaskStore()
        let paths = A2AServerPaths()
        let initialCard = ConformanceAgent.card(baseURL: URL(string: "http://\(host):\(port)")!,
                                                paths: (paths.jsonRPC, paths.rest))
        let service = A2AService(configuration: A2AServiceConfiguration(card: initialCard), handler: ConformanceAgent(),
                                 store: store, pushSender: HTTPPushNotificationSender(), logger: logger)
        let server = A2AAgentServer(
            service: service, host: host, port: port, paths: paths,
            makeCard: { ConformanceAgent.card(baseURL: $0, paths: (paths.jsonRPC, paths.rest)) },
            onListening: { url in
                Console.line("conformance agent listening on \(url) (card: \(url)\(A2AServerPaths.agentCard))")
            },
            logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
