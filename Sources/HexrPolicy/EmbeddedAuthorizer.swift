import Foundation
import Logging
import Synchronization

/// Decides in-process with the embedded Rego evaluator — microseconds, no network hop.
///
/// Loaded from a policy directory (`*.rego` + `data.json`) or the default policy. With a directory,
/// `run()` watches it and swaps in the new policy when files change; a change that does not
/// compile is logged and the previous policy stays in force (never an unchecked policy).
public final class EmbeddedAuthorizer: Authorizer {
    private let current: Mutex<PolicyBundle>
    private let directory: URL?
    private let log: DecisionLog?
    private let logger: Logger

    /// A fixed policy (e.g. ``PolicyBundle/defaultPolicy(data:)``); `reload()` and `run()` do nothing.
    public init(bundle: PolicyBundle, log: DecisionLog? = nil, logger: Logger = Logger(label: "hexr.policy")) {
        current = Mutex(bundle)
        directory = nil
        self.log = log
        self.logger = logger
    }

    /// The policy in `directory`; throws when it does not load.
    public init(directory: URL, log: DecisionLog? = nil, logger: Logger = Logger(label: "hexr.policy"))
        throws(PolicyLoadError)
    {
        current = Mutex(try PolicyBundle.load(directory: directory))
        self.directory = directory
        self.log = log
        self.logger = logger
    }

    /// The policy in force.
    public var bundle: PolicyBundle { current.withLock { $0 } }

    public func authorize(_ input: AuthorizationInput) async -> AuthorizationDecision {
        decide(input)
    }

    /// The synchronous decision (the evaluator never blocks).
    public func decide(_ input: AuthorizationInput) -> AuthorizationDecision {
        let decision = bundle.decide(input)
        log?.record(input: input, decision: decision)
        return decision
    }

    /// Reloads the directory now; returns whether the policy changed. A policy that fails to load
    /// is reported and not applied.
    @discardableResult
    public func reload() throws(PolicyLoadError) -> Bool {
        guard let directory else { return false }
        let fresh = try PolicyBundle.load(directory: directory)
        return current.withLock { bundle in
            guard bundle.revision != fresh.revision else { return false }
            bundle = fresh
            return true
        }
    }

    /// Watches the policy directory until cancelled, reloading on change (polling every `interval`).
    public func run(interval: Duration = .milliseconds(500)) async {
        guard directory != nil else { return }
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            do {
                if try reload() {
                    logger.notice("policy reloaded", metadata: ["revision": "\(bundle.revision)"])
                }
            } catch {
                logger.error("policy change rejected; the previous policy stays in force",
                             metadata: ["error": "\(error)", "revision": "\(bundle.revision)"])
            }
        }
    }
}
