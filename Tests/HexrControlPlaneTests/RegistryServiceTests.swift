import A2A
import Foundation
import HexrControlPlane
import HexrPolicy
import Rego
import SPIFFE
import Testing

/// Registration bound to the caller's identity, leases, and policy-scoped discovery, on both stores.
@Suite struct RegistryServiceTests {
    static func id(_ path: String) -> SPIFFEID { try! SPIFFEID(parsing: "spiffe://hexr.local\(path)") }

    static func card(_ name: String, skills: [String] = ["research"]) -> AgentCard {
        var card = AgentCard.minimal(name: name)
        card.skills = skills.map { AgentSkill(id: $0, name: $0, description: $0, tags: [$0]) }
        return card
    }

    static func stores() throws -> [any RegistryStore] {
        let path = FileManager.default.temporaryDirectory.appending(path: "hexr-registry-\(UUID().uuidString).sqlite").path
        return [InMemoryRegistryStore(), try SQLiteRegistryStore(path: path)]
    }

    private func registry(_ store: any RegistryStore, grants: String = "[]") throws -> RegistryService {
        let data = try RegoValue(jsonString: #"{"grants": \#(grants)}"#)
        return RegistryService(store: store, authorizer: EmbeddedAuthorizer(bundle: try .defaultPolicy(data: data)),
                               registryID: Self.id("/hexr/registry"), leaseDuration: 10)
    }

    @Test(arguments: try stores())
    func anAgentRegistersOnlyItsOwnName(store: any RegistryStore) async throws {
        let registry = try registry(store)
        let registered = try await registry.register(Self.card("researcher"), caller: Self.id("/agent/acme/researcher/r1"))
        #expect(registered.tenant == "acme" && registered.name == "researcher")
        await #expect(throws: RegistryError.nameMismatch(card: "coordinator", identity: "researcher")) {
            _ = try await registry.register(Self.card("coordinator"), caller: Self.id("/agent/acme/researcher"))
        }
        await #expect(throws: RegistryError.self) {
            _ = try await registry.register(Self.card("registry"), caller: Self.id("/hexr/registry"))
        }
    }

    @Test(arguments: try stores())
    func discoveryIsTenantScopedAndExcludesTheCaller(store: any RegistryStore) async throws {
        let registry = try registry(store)
        _ = try await registry.register(Self.card("coordinator"), caller: Self.id("/agent/acme/coordinator"))
        _ = try await registry.register(Self.card("researcher"), caller: Self.id("/agent/acme/researcher/r1"))
        _ = try await registry.register(Self.card("researcher"), caller: Self.id("/agent/acme/researcher/r2"))
        _ = try await registry.register(Self.card("spy"), caller: Self.id("/agent/globex/spy"))
        let seen = try await registry.discover(caller: Self.id("/agent/acme/coordinator"))
        #expect(seen.map(\.spiffeID.description) == [
            "spiffe://hexr.local/agent/acme/researcher/r1", "spiffe://hexr.local/agent/acme/researcher/r2"])
        let byName = try await registry.discover(caller: Self.id("/agent/acme/coordinator"), name: "researcher")
        #expect(byName.count == 2)
        #expect(try await registry.discover(caller: Self.id("/agent/globex/spy")).isEmpty)
    }

    @Test(arguments: try stores())
    func crossTenantGrantsShowOnlyTheGrantedSkills(store: any RegistryStore) async throws {
        let grants = #"[{"source": "spiffe://hexr.local/agent/globex/buyer", "destination": "spiffe://hexr.local/agent/acme/researcher", "skill": "quote"}]"#
        let registry = try registry(store, grants: grants)
        _ = try await registry.register(Self.card("researcher", skills: ["research", "quote"]),
                                        caller: Self.id("/agent/acme/researcher"))
        let seen = try await registry.discover(caller: Self.id("/agent/globex/buyer"))
        #expect(seen.count == 1)
        #expect(seen.first?.card.skills.map(\.id) == ["quote"])
        let sameTenant = try await registry.discover(caller: Self.id("/agent/acme/coordinator"))
        #expect(sameTenant.first?.card.skills.map(\.id) == ["research", "quote"])
    }

    @Test(arguments: try stores())
    func anAgentWithoutHeartbeatsDisappearsAfterItsLease(store: any RegistryStore) async throws {
        let registry = try registry(store)
        let start = Date()
        _ = try await registry.register(Self.card("researcher"), caller: Self.id("/agent/acme/researcher"), now: start)
        let caller = Self.id("/agent/acme/coordinator")
        #expect(try await registry.discover(caller: caller, now: start + 5).count == 1)
        #expect(try await registry.discover(caller: caller, now: start + 11).isEmpty)
        try await registry.heartbeat(caller: Self.id("/agent/acme/researcher"), now: start + 9)
        #expect(try await registry.discover(caller: caller, now: start + 15).count == 1)
        await #expect(throws: RegistryError.notRegistered("spiffe://hexr.local/agent/acme/ghost")) {
            try await registry.heartbeat(caller: Self.id("/agent/acme/ghost"))
        }
        try await registry.deregister(caller: Self.id("/agent/acme/researcher"))
        #expect(try await registry.discover(caller: caller, now: start + 15).isEmpty)
        #expect(try await store.pruneExpired(at: start + 100) == 0)
    }

    @Test func sqliteRegistrationsSurviveAReopen() async throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "hexr-registry-\(UUID().uuidString).sqlite").path
        let first = try registry(try SQLiteRegistryStore(path: path))
        _ = try await first.register(Self.card("researcher"), caller: Self.id("/agent/acme/researcher"))
        let reopened = try registry(try SQLiteRegistryStore(path: path))
        let seen = try await reopened.discover(caller: Self.id("/agent/acme/coordinator"))
        #expect(seen.first?.card.name == "researcher")
    }

    @Test func onlyOperatorsListEveryTenantsAgents() async throws {
        let registry = RegistryService(
            store: InMemoryRegistryStore(), authorizer: EmbeddedAuthorizer(bundle: try .defaultPolicy()),
            registryID: Self.id("/hexr/registry"), operators: [Self.id("/hexr/cli")])
        _ = try await registry.register(Self.card("researcher"), caller: Self.id("/agent/globex/researcher"))
        _ = try await registry.register(Self.card("coordinator"), caller: Self.id("/agent/acme/coordinator"))
        let all = try await registry.allAgents(caller: Self.id("/hexr/cli"))
        #expect(all.map(\.spiffeID.description) == ["spiffe://hexr.local/agent/acme/coordinator",
                                                     "spiffe://hexr.local/agent/globex/researcher"])
        for outsider in ["/agent/acme/coordinator", "/hexr/registry", "/hexr/cli2"] {
            await #expect(throws: RegistryError.notAnOperator("spiffe://hexr.local\(outsider)")) {
                _ = try await registry.allAgents(caller: Self.id(outsider))
            }
        }
    }
}
