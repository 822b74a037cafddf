import Foundation
import Hexr

/// Finds the responder and asks it something, as in the seed.
@main
struct HelloCaller: HexrAgent {
    static let config = AgentConfig(name: "hello-caller", tenant: "demo")

    func run(_ hexr: HexrContext) async throws {
        var agents: [DiscoveredAgent] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while agents.count < 2 && ContinuousClock.now < deadline {
            agents = try await hexr.a2a.discover()
            if agents.count < 2 { try await Task.sleep(for: .milliseconds(100)) }
        }
        for agent in agents { print("Found: \(agent.name) - \(agent.description) (\(agent.spiffeID))") }
        let task = try await hexr.a2a.send(agent: "hello-responder", message: "world")
        let result = try await hexr.a2a.wait(for: task)
        print("Result: \(result.output)")
    }
}
