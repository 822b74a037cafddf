import AsyncHTTPClient
import Foundation
import Logging

/// Posts requests to an HTTP provider with a per-attempt timeout, retrying overloaded or failing
/// answers and lost connections as the ``LLMRetryPolicy`` allows.
struct ProviderCall: Sendable {
    /// The largest answer body read.
    static let responseLimit = 8 << 20
    /// Statuses that mean "try again later".
    static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504, 529]

    let httpClient: HTTPClient
    let retry: LLMRetryPolicy
    let timeout: Duration
    let logger: Logger

    /// Why the last attempt did not succeed, when it is worth another.
    private enum Setback: CustomStringConvertible {
        case status(Int, String)
        case unreachable(String)
        case timedOut

        var description: String {
            switch self {
            case .status(let status, let message): "HTTP \(status): \(message)"
            case .unreachable(let reason): "no HTTP answer: \(reason)"
            case .timedOut: "timed out"
            }
        }
    }

    /// Asks `api` to complete `request`; `attempts` counts the attempts made, failed ones included.
    func complete(_ request: LLMRequest, with api: some ProviderAPI, attempts: inout Int) async throws(LLMError) -> Completion {
        let prepared: HTTPClientRequest
        do {
            prepared = try Self.httpRequest(request, for: api)
        } catch {
            throw .invalidRequest(provider: api.name, detail: "its body could not be encoded (\(error))")
        }
        var setback = Setback.timedOut
        for number in 1...retry.maxAttempts {
            attempts = number
            let retryAfter: String?
            switch await attempt(prepared) {
            case .answered(let status, let header, let body):
                if (200..<300).contains(status) { return try api.completion(from: body) }
                let message = api.apiKey?.redact(providerErrorMessage(status: status, body: body))
                    ?? providerErrorMessage(status: status, body: body)
                if status == 401 || status == 403 {
                    throw .authenticationFailed(provider: api.name, status: status,
                                                message: "\(message) (check \(api.apiKeyVariable))")
                }
                guard Self.retryableStatuses.contains(status) else {
                    throw .rejected(provider: api.name, status: status, message: message)
                }
                setback = .status(status, message)
                retryAfter = header
            case .timedOut:
                setback = .timedOut
                retryAfter = nil
            case .unreachable(let reason):
                setback = .unreachable(reason)
                retryAfter = nil
            case .tooLarge:
                throw .invalidResponse(provider: api.name, detail: "the body exceeds \(Self.responseLimit >> 20) MiB")
            case .cancelled:
                throw .cancelled(provider: api.name)
            }
            guard number < retry.maxAttempts else { break }
            let wait = retry.delay(beforeRetry: number, retryAfter: retryAfter)
            logger.notice("LLM attempt failed; retrying", metadata: [
                "provider": "\(api.name)", "attempt": "\(number)", "of": "\(retry.maxAttempts)",
                "reason": "\(setback)", "wait": "\(wait)",
            ])
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw .cancelled(provider: api.name)
            }
        }
        switch setback {
        case .status(let status, let message):
            throw .unavailable(provider: api.name, attempts: attempts, lastStatus: status, message: message)
        case .unreachable(let reason):
            throw .unavailable(provider: api.name, attempts: attempts, lastStatus: nil, message: reason)
        case .timedOut:
            throw .timedOut(provider: api.name, attempts: attempts, timeout: timeout)
        }
    }

    /// The POST for `request`.
    private static func httpRequest(_ request: LLMRequest, for api: some ProviderAPI) throws -> HTTPClientRequest {
        var prepared = HTTPClientRequest(url: api.endpoint.absoluteString)
        prepared.method = .POST
        for header in api.headers { prepared.headers.add(name: header.name, value: header.value) }
        prepared.body = .bytes(try api.body(for: request))
        return prepared
    }
}
