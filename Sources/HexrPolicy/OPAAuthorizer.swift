import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Rego

/// Decides with an OPA server through its REST Data API: `POST <base>/v1/data/<path>` with
/// `{"input": …}`; the `result` is read like an embedded decision.
///
/// Fails closed: a timeout (covering the whole exchange, body included), a connection error, a
/// non-200 status, a body that is not JSON or has no `result` (the rule is undefined) — each is a
/// denial naming the cause. Answers OPA gave are cached for `cacheTTL` keyed by the input without
/// its volatile `request` part; failures to get an answer are not cached.
public final class OPAAuthorizer: Authorizer {
    private let endpoint: String
    private let client: HTTPClient
    private let timeout: Duration
    private let cache: DecisionCache
    private let log: DecisionLog?
    private let logger: Logger

    /// - Parameters:
    ///   - baseURL: the OPA server, e.g. `http://127.0.0.1:8181`.
    ///   - path: the decision document, `hexr/authz/decision` by default.
    ///   - client: the HTTP client. With the default configuration a refused connection is retried
    ///     with backoff until `timeout`; a client with `connectionPool.retryConnectionEstablishment`
    ///     off denies at once instead.
    ///   - timeout: the most one decision may take, from connecting to the last byte of the answer.
    ///   - cacheTTL: how long an answer is reused for the same input; `.zero` disables the cache.
    public init(baseURL: URL, path: String = "hexr/authz/decision", client: HTTPClient = .shared,
                timeout: Duration = .seconds(2), cacheTTL: Duration = .seconds(5), log: DecisionLog? = nil,
                logger: Logger = Logger(label: "hexr.policy.opa")) {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        endpoint = base + "/v1/data/" + path.drop { $0 == "/" }
        self.client = client
        self.timeout = timeout
        cache = DecisionCache(ttl: cacheTTL)
        self.log = log
        self.logger = logger
    }

    public func authorize(_ input: AuthorizationInput) async -> AuthorizationDecision {
        let key = DecisionCache.key(for: input)
        if let cached = cache.lookup(key) {
            var decision = cached
            decision.decisionID = DecisionID.next()
            log?.record(input: input, decision: decision)
            return decision
        }
        let decision: AuthorizationDecision
        do {
            let answer = try interpret(try await exchange(input))
            if answer.defined { cache.store(answer.decision, for: key) }
            decision = answer.decision
        } catch {
            logger.error("no decision from OPA; denying", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
            decision = .failClosed("opa: \(error)", revision: "opa")
        }
        log?.record(input: input, decision: decision)
        return decision
    }

    /// Posts the input and returns the status and body, all within `timeout`.
    private func exchange(_ input: AuthorizationInput) async throws -> (status: UInt, body: ByteBuffer) {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: Array(#"{"input":"#.utf8) + input.json + [UInt8(ascii: "}")]))
        let client = self.client
        let timeout = self.timeout
        let prepared = request
        return try await withThrowingTaskGroup(of: (status: UInt, body: ByteBuffer)?.self) { group in
            group.addTask {
                // The race below enforces `timeout`; the client's own deadline is only a backstop.
                let response = try await client.execute(prepared, timeout: TimeAmount(timeout) + .seconds(1))
                return (response.status.code, try await response.body.collect(upTo: 1 << 20))
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                throw OPAFailure.timedOut(timeout)
            }
            return answer
        }
    }

    /// Reads OPA's answer: a 200 with a JSON object whose `result` is the decision. `defined` is
    /// false when there is no `result` (e.g. OPA has not activated its bundle yet), which is not cached.
    private func interpret(_ answer: (status: UInt, body: ByteBuffer)) throws(OPAFailure)
        -> (decision: AuthorizationDecision, defined: Bool)
    {
        guard answer.status == 200 else { throw .status(answer.status) }
        guard let document = try? RegoValue(jsonData: answer.body.readableBytesView) else { throw .notJSON }
        guard case .object(let object) = document else { throw .notAnObject }
        let revision: String
        if case .string(let id)? = object["decision_id"] { revision = "opa:\(id)" } else { revision = "opa" }
        guard let result = object["result"] else {
            return (.failClosed("opa: no result (the decision rule is undefined)", revision: revision), false)
        }
        return (AuthorizationDecision.interpret(result, revision: revision), true)
    }
}

/// Why OPA gave no usable answer.
enum OPAFailure: Error, CustomStringConvertible {
    case timedOut(Duration)
    case status(UInt)
    case notJSON
    case notAnObject

    var description: String {
        switch self {
        case .timedOut(let timeout): "no answer within \(timeout)"
        case .status(let status): "HTTP \(status)"
        case .notJSON: "the answer is not JSON"
        case .notAnObject: "the answer is not a JSON object"
        }
    }
}

extension TimeAmount {
    /// The same span as a `Duration`, to the nanosecond.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
