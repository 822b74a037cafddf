import A2A
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 client with a keep-alive connection pool, for agent-to-agent traffic.
///
/// One request at a time per connection; after a complete response a keep-alive connection goes
/// back to the pool of its origin, straight to a request waiting for one if there is any. A response
/// whose body is abandoned before its end closes its connection. A request that fails on a *reused*
/// connection before any response arrived (the peer closed it while idle) is retried once on a new
/// connection.
///
/// Connections are opened at most `maxConnectingPerOrigin` at a time per origin. A burst of requests
/// (a fan-out) therefore does not open one connection — one mTLS handshake — per request: requests
/// beyond that wait for the next connection to be given back or for a connect to finish. The number
/// of open connections is not capped, so long-running requests (blocking sends, event streams) never
/// hold up the others for longer than a connect takes.
public final class PooledHTTPClient: A2AHTTPTransport {
    private let group: any EventLoopGroup
    private let security: (any HTTPClientChannelSecurity)?
    private let connectTimeout: TimeAmount
    private let responseTimeout: TimeAmount?
    private let maxIdlePerOrigin: Int
    private let maxConnectingPerOrigin: Int
    private let origins = Mutex<[Origin: OriginPool]>([:])
    private let connectionsOpened = Atomic<Int>(0)
    private let nextWaiterID = Atomic<UInt64>(0)

    struct Origin: Hashable, Sendable {
        var secure: Bool
        var host: String
        var port: Int
    }

    /// - Parameters:
    ///   - security: required for `https` URLs; plain `http` URLs never use it.
    ///   - responseTimeout: how long to wait for a response's head before giving up and closing the
    ///     connection (`nil`: wait as long as the server takes, e.g. for blocking SendMessage calls).
    ///   - maxConnectingPerOrigin: how many connections to one origin may be opening at the same time.
    public init(eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                security: (any HTTPClientChannelSecurity)? = nil,
                connectTimeout: Duration = .seconds(5), maxIdlePerOrigin: Int = 16, maxConnectingPerOrigin: Int = 4,
                responseTimeout: Duration? = nil) {
        precondition(maxConnectingPerOrigin > 0, "maxConnectingPerOrigin must be positive")
        self.group = eventLoopGroup
        self.security = security
        self.connectTimeout = Self.timeAmount(connectTimeout)
        self.maxIdlePerOrigin = maxIdlePerOrigin
        self.maxConnectingPerOrigin = maxConnectingPerOrigin
        self.responseTimeout = responseTimeout.map(Self.timeAmount)
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// How many connections this client has opened so far.
    public var openedConnections: Int { connectionsOpened.load(ordering: .relaxed) }

    /// Closes the idle connections.
    public func closeIdleConnections() async {
        let all = origins.withLock { origins -> [Connection] in
            var all: [Connection] = []
            for origin in origins.keys {
                all += origins[origin]!.idle
                origins[origin]!.idle.removeAll()
            }
            return all
        }
        for connection in all { try? await connection.channel.close() }
    }

    public func execute(_ request: A2AClientRequest) async throws -> A2AClientResponse {
        let origin = try Self.origin(of: request.url)
        switch try await acquire(origin) {
        case .reuse(let pooled):
            do {
                return try await send(request, on: pooled, origin: origin)
            } catch let error as ConnectionFailedBeforeResponse {
                _ = error  // the idle connection had gone stale: try once on a fresh one
            }
            return try await send(request, onFresh: try await connect(origin), origin: origin)
        case .connect:
            let fresh: Connection
            do {
                fresh = try await connect(origin)
            } catch {
                connectFinished(origin)
                throw error
            }
            connectFinished(origin)
            return try await send(request, onFresh: fresh, origin: origin)
        }
    }

    private func send(_ request: A2AClientRequest, onFresh connection: Connection, origin: Origin) async throws
        -> A2AClientResponse
    {
        do {
            return try await send(request, on: connection, origin: origin)
        } catch let error as ConnectionFailedBeforeResponse {
            throw error.underlying
        }
    }

    // MARK: Connections

    /// The connections of one origin: idle ones, connects under way, and requests waiting for either.
    struct OriginPool {
        var idle: [Connection] = []
        var connecting = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Lease, any Error>)] = []
    }

    /// What a request may do: use an idle connection, or open one.
    enum Lease {
        case reuse(Connection)
        case connect
    }

    /// An idle connection, or the right to open one; waits (FIFO) while `maxConnectingPerOrigin`
    /// connects are under way and nothing is idle. Cancellation ends the wait.
    private func acquire(_ origin: Origin) async throws -> Lease {
        let id = nextWaiterID.wrappingAdd(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, any Error>) in
                enum Now { case lease(Lease), cancelled, waiting }
                let now = origins.withLock { origins -> Now in
                    var pool = origins[origin, default: OriginPool()]
                    defer { origins[origin] = pool }
                    if let connection = Self.takeActive(&pool.idle) { return .lease(.reuse(connection)) }
                    if pool.connecting < maxConnectingPerOrigin {
                        pool.connecting += 1
                        return .lease(.connect)
                    }
                    // Cancelled before waiting: `onCancel` already ran and found no waiter to end.
                    if Task.isCancelled { return .cancelled }
                    pool.waiters.append((id, continuation))
                    return .waiting  // from now on exactly one of giveBack, connectFinished, onCancel resumes it
                }
                switch now {
                case .lease(let lease): continuation.resume(returning: lease)
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .waiting: break
                }
            }
        } onCancel: {
            let waiter = origins.withLock { origins -> CheckedContinuation<Lease, any Error>? in
                guard let index = origins[origin]?.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return origins[origin]!.waiters.remove(at: index).continuation
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    private static func takeActive(_ idle: inout [Connection]) -> Connection? {
        while let connection = idle.popLast() {
            if connection.channel.isActive { return connection }
        }
        return nil
    }

    /// A connect finished (either way): its slot goes to the first waiter, which opens a connection.
    private func connectFinished(_ origin: Origin) {
        let waiter = origins.withLock { origins -> CheckedContinuation<Lease, any Error>? in
            guard var pool = origins[origin] else { return nil }
            defer { origins[origin] = pool }
            guard !pool.waiters.isEmpty else {
                pool.connecting -= 1
                return nil
            }
            return pool.waiters.removeFirst().continuation  // the slot passes on: `connecting` stays
        }
        waiter?.resume(returning: .connect)
    }

    /// A connection is free again: to the first waiter, else to the idle list (or closed).
    private func giveBack(_ connection: Connection, origin: Origin) {
        guard connection.channel.isActive else {
            connection.channel.close(promise: nil)
            return
        }
        enum Outcome { case handed(CheckedContinuation<Lease, any Error>), kept, overflow }
        let outcome = origins.withLock { origins -> Outcome in
            var pool = origins[origin, default: OriginPool()]
            defer { origins[origin] = pool }
            if !pool.waiters.isEmpty { return .handed(pool.waiters.removeFirst().continuation) }
            guard pool.idle.count < maxIdlePerOrigin else { return .overflow }
            pool.idle.append(connection)
            return .kept
        }
        switch outcome {
        case .handed(let waiter): waiter.resume(returning: .reuse(connection))
        case .kept: break
        case .overflow: connection.channel.close(promise: nil)
        }
    }

    private func connect(_ origin: Origin) async throws -> Connection {
        if origin.secure && security == nil {
            throw PooledHTTPClientError.tlsNotConfigured(origin.host)
        }
        let security = origin.secure ? self.security : nil
        let channel: any Channel
        do {
            let bootstrap = ClientBootstrap(group: group)
                .connectTimeout(connectTimeout)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try security?.addHandlers(to: channel, host: origin.host, port: origin.port)
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ResponseReceiver())
                    }
                }
            // An IP literal (agents on loopback, registry endpoints) needs no resolver round trip.
            if let address = try? SocketAddress(ipAddress: origin.host, port: origin.port) {
                channel = try await bootstrap.connect(to: address).get()
            } else {
                channel = try await bootstrap.connect(host: origin.host, port: origin.port).get()
            }
        } catch {
            // Nothing was sent: the caller may safely try elsewhere.
            throw PooledHTTPClientError.cannotConnect("\(origin.host):\(origin.port)", String(describing: error))
        }
        connectionsOpened.add(1, ordering: .relaxed)
        let receiver = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ResponseReceiver.self),
                         eventLoop: channel.eventLoop)
        }.get()
        return Connection(channel: channel, receiver: receiver)
    }

    // MARK: Exchange

    private func send(_ request: A2AClientRequest, on connection: Connection, origin: Origin) async throws
        -> A2AClientResponse
    {
        let channel = connection.channel
        let headPromise = channel.eventLoop.makePromise(of: HTTPResponseHead.self)
        let (body, bodySink) = AsyncThrowingStream.makeStream(of: [UInt8].self)
        let finished = Atomic<Bool>(false)
        let exchange = ResponseReceiver.Exchange(head: headPromise, body: bodySink) { [self] reusable in
            finished.store(true, ordering: .releasing)
            if reusable { giveBack(connection, origin: origin) } else { channel.close(promise: nil) }
        }
        bodySink.onTermination = { termination in
            // The consumer stopped reading before the end: the connection cannot be reused.
            if case .cancelled = termination, !finished.load(ordering: .acquiring) { channel.close(promise: nil) }
        }
        let head = Self.head(of: request, origin: origin)
        let receiver = connection.receiver
        let bodyBuffer = request.body.map { ByteBuffer(bytes: $0) }
        channel.eventLoop.execute {
            receiver.value.expect(exchange)
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if let bodyBuffer { channel.write(HTTPClientRequestPart.body(.byteBuffer(bodyBuffer)), promise: nil) }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        }
        let timedOut = Atomic<Bool>(false)
        let timer = responseTimeout.map { timeout in
            channel.eventLoop.scheduleTask(in: timeout) {
                timedOut.store(true, ordering: .releasing)
                channel.close(promise: nil)
            }
        }
        let responseHead: HTTPResponseHead
        do {
            responseHead = try await headPromise.futureResult.get()
            timer?.cancel()
        } catch {
            timer?.cancel()
            // A timed-out request may have been processed: never retried.
            if timedOut.load(ordering: .acquiring) { throw PooledHTTPClientError.responseTimedOut(request.url.absoluteString) }
            throw ConnectionFailedBeforeResponse(underlying: error)
        }
        return A2AClientResponse(status: Int(responseHead.status.code),
                                 headers: responseHead.headers.map { (name: $0.name, value: $0.value) },
                                 body: body)
    }

    // MARK: URLs

    private static func head(of request: A2AClientRequest, origin: Origin) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: request.method),
                                   uri: target(of: request.url))
        head.headers.add(name: "Host", value: hostHeader(origin))
        for (name, value) in request.headers { head.headers.add(name: name, value: value) }
        if let data = request.body {
            head.headers.replaceOrAdd(name: "Content-Length", value: String(data.count))
        } else if request.method == "POST" || request.method == "PUT" {
            head.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        return head
    }

    private static func origin(of url: URL) throws -> Origin {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host,
              !host.isEmpty else {
            throw PooledHTTPClientError.unsupportedURL(url.absoluteString)
        }
        let secure = scheme == "https"
        return Origin(secure: secure, host: host, port: url.port ?? (secure ? 443 : 80))
    }

    private static func target(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? "/"
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }

    private static func hostHeader(_ origin: Origin) -> String {
        let host = origin.host.contains(":") ? "[\(origin.host)]" : origin.host
        let standard = origin.secure ? 443 : 80
        return origin.port == standard ? host : "\(host):\(origin.port)"
    }
}

/// One pooled connection.
struct Connection: Sendable {
    let channel: any Channel
    let receiver: NIOLoopBound<ResponseReceiver>
}

/// A request failed before any response arrived.
struct ConnectionFailedBeforeResponse: Error {
    let underlying: any Error
}

/// Why `PooledHTTPClient` refused a request.
public enum PooledHTTPClientError: Error, Sendable, CustomStringConvertible {
    case unsupportedURL(String)
    case tlsNotConfigured(String)
    case responseTimedOut(String)
    /// No TCP connection could be made (refused, unreachable, timed out); the request was not sent.
    case cannotConnect(String, String)

    public var description: String {
        switch self {
        case .unsupportedURL(let url): "only absolute http and https URLs are supported, got '\(url)'"
        case .tlsNotConfigured(let host): "https to \(host) needs a TLS configuration (client security)"
        case .responseTimedOut(let url): "no response from \(url) in time; the connection was closed"
        case .cannotConnect(let origin, let reason): "cannot connect to \(origin): \(reason)"
        }
    }
}
