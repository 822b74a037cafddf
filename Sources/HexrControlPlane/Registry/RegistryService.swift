import A2A
import Foundation
import HexrPolicy
import Logging
import SPIFFE

/// The agent registry: registrations bound to the registering process's verified SPIFFE ID, kept
/// alive by heartbeats, and discovery scoped by policy.
///
/// Rules:
/// - Only agent identities register, and only under the agent name their ID names; the tenant is
///   the ID's tenant. Nothing in the card can change either.
/// - A registration expires `leaseDuration` after its last heartbeat.
/// - Discovery returns the live agents the policy lets the caller invoke, each card reduced to the
///   skills the caller may use; by the default policy that is the caller's own tenant plus explicit
///   cross-tenant grants.
public final class RegistryService: Sendable {
    private let store: any RegistryStore
    private let authorizer: any Authorizer
    private let registryID: SPIFFEID
    public let leaseDuration: TimeInterval
    private let operators: Set<SPIFFEID>
    private let logger: Logger

    /// - Parameters:
    ///   - registryID: the registry's own SPIFFE ID (the destination of `register` decisions).
    ///   - operators: identities that may list every live registration (`hexr agents`).
    public init(store: any RegistryStore, authorizer: any Authorizer, registryID: SPIFFEID,
                leaseDuration: TimeInterval = 15, operators: Set<SPIFFEID> = [],
                logger: Logger = Logger(label: "hexr.registry")) {
        self.store = store
        self.authorizer = authorizer
        self.registryID = registryID
        self.leaseDuration = leaseDuration
        self.operators = operators
        self.logger = logger
    }

    /// Registers `card` for `caller` (its verified SPIFFE ID); returns the registration.
    public func register(_ card: AgentCard, caller: SPIFFEID, now: Date = Date()) async throws(RegistryError)
        -> AgentRegistration
    {
        guard let identity = HexrIdentity(caller), let tenant = identity.tenant, let name = identity.agent else {
            logger.warning("registration refused", metadata: ["caller": "\(caller)", "reason": "not an agent identity"])
            throw .notAnAgentIdentity(caller.description)
        }
        guard card.name == name else {
            logger.warning("registration refused", metadata: [
                "caller": "\(caller)", "reason": "card name mismatch", "card.name": "\(card.name)"])
            throw .nameMismatch(card: card.name, identity: name)
        }
        let decision = await authorizer.authorize(AuthorizationInput(
            source: .init(caller), destination: .init(registryID), action: .init(kind: .register)))
        guard decision.allow else {
            logger.warning("registration refused", metadata: ["caller": "\(caller)", "reasons": "\(decision.reasons)"])
            throw .registrationDenied(decision.reasons.joined(separator: "; "))
        }
        let registration = AgentRegistration(spiffeID: caller, name: name, tenant: tenant, card: card,
                                             registeredAt: now, expiresAt: now + leaseDuration)
        do {
            try await store.upsert(registration)
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
        logger.info("agent registered", metadata: ["spiffe_id": "\(caller)", "tenant": "\(tenant)", "agent": "\(name)"])
        return registration
    }

    /// Renews the caller's lease.
    public func heartbeat(caller: SPIFFEID, now: Date = Date()) async throws(RegistryError) {
        let renewed: Bool
        do {
            renewed = try await store.renew(caller, until: now + leaseDuration)
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
        guard renewed else { throw .notRegistered(caller.description) }
    }

    /// Removes the caller's registration (graceful shutdown).
    public func deregister(caller: SPIFFEID) async throws(RegistryError) {
        do {
            try await store.remove(caller)
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
    }

    /// The live agents `caller` may invoke (optionally only those named `name`), excluding itself,
    /// each card reduced to the skills the caller may use.
    public func discover(caller: SPIFFEID, name: String? = nil, now: Date = Date()) async throws(RegistryError)
        -> [AgentRegistration]
    {
        let candidates: [AgentRegistration]
        do {
            candidates = try await store.alive(at: now)
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
        var visible: [AgentRegistration] = []
        for candidate in candidates where candidate.spiffeID != caller && (name == nil || candidate.name == name) {
            if let filtered = await permitted(candidate, for: caller) { visible.append(filtered) }
        }
        return visible
    }

    /// Every live registration of every tenant, for an operator identity only.
    public func allAgents(caller: SPIFFEID, now: Date = Date()) async throws(RegistryError) -> [AgentRegistration] {
        guard operators.contains(caller) else {
            logger.warning("operator listing refused", metadata: ["caller": "\(caller)"])
            throw .notAnOperator(caller.description)
        }
        do {
            return try await store.alive(at: now)
                .sorted { ($0.tenant, $0.name, $0.spiffeID.description) < ($1.tenant, $1.name, $1.spiffeID.description) }
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
    }

    /// The registration as `caller` may see it, or nil when the caller may invoke none of it.
    private func permitted(_ registration: AgentRegistration, for caller: SPIFFEID) async -> AgentRegistration? {
        func allowed(skill: String?) async -> Bool {
            await authorizer.authorize(AuthorizationInput(
                source: .init(caller), destination: .init(registration.spiffeID),
                action: .init(kind: .a2a, method: A2AMethod.sendMessage.rawValue, skill: skill))).allow
        }
        let agentAllowed = await allowed(skill: nil)
        var skills: [AgentSkill] = []
        for skill in registration.card.skills where await allowed(skill: skill.id) { skills.append(skill) }
        guard agentAllowed || !skills.isEmpty else { return nil }
        var reduced = registration
        reduced.card.skills = skills
        return reduced
    }
}
