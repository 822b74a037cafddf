import AsyncHTTPClient
import Foundation

/// What one HTTP attempt came to.
enum AttemptOutcome: Sendable {
    /// The whole answer arrived.
    case answered(status: Int, retryAfter: String?, body: Data)
    /// No complete answer within the timeout.
    case timedOut
    /// No HTTP answer: the connection failed or broke.
    case unreachable(String)
    /// The body was larger than the limit.
    case tooLarge
    /// The calling task was cancelled.
    case cancelled
}

extension ProviderCall {
    /// Sends `request` once and reads the whole answer, at most ``responseLimit`` body bytes, all
    /// within `timeout`: the HTTP client's deadline covers the exchange up to the response head, a
    /// race against a timer covers reading the body too.
    func attempt(_ request: HTTPClientRequest) async -> AttemptOutcome {
        await withTaskGroup(of: AttemptOutcome.self) { group in
            group.addTask {
                await exchange(request)
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return .cancelled
                }
            }
            let first = await group.next() ?? .cancelled
            group.cancelAll()
            return first
        }
    }

    private func exchange(_ request: HTTPClientRequest) async -> AttemptOutcome {
        do {
            let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            let response = try await httpClient.execute(request, timeout: .nanoseconds(nanoseconds))
            var body = Data()
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= Self.responseLimit else { return .tooLarge }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return .answered(status: Int(response.status.code), retryAfter: response.headers.first(name: "retry-after"),
                             body: body)
        } catch let error as HTTPClientError
            where [.deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout].contains(error)
        {
            return .timedOut
        } catch {
            if Task.isCancelled { return .cancelled }
            return .unreachable(String(describing: error))
        }
    }
}
