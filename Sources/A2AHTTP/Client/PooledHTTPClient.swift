import A2A
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 client with a keep-alive connection pool, for agent-to-agent traffic.
///
/// One request at a time per connection; after a complete response a keep-alive connection goes
/// back to the pool of its origin. A response whose body is abandoned before its end closes its
/// connection. A request that fails on a *reused* connection before any response arrived (the
/// peer closed it while idle) is retried once on a new connection.
public final class PooledHTTPClient: A2AHTTPTransport {
    private let group: any EventLoopGroup
    private let security: (any HTTPClientChannelSecurity)?
    private let connectTimeout: TimeAmount
    private let responseTimeout: TimeAmount?
    private let maxIdlePerOrigin: Int
    private let idle = Mutex<[Origin: [Connection]]>([:])
    private let connectionsOpened = Atomic<Int>(0)

    struct Origin: Hashable, Sendable {
        var secure: Bool
        var host: String
        var port: Int
    }

    /// - Parameters:
    ///   - security: required for `https` URLs; plain `http` URLs never use it.
    ///   - responseTimeout: how long to wait for a response's head before giving up and closing the
    ///     connection (`nil`: wait as long as the server takes, e.g. for blocking SendMessage calls).
    public init(eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                security: (any HTTPClientChannelSecurity)? = nil,
                connectTimeout: Duration = .seconds(5), maxIdlePerOrigin: Int = 16,
                responseTimeout: Duration? = nil) {
        self.group = eventLoopGroup
        self.security = security
        self.connectTimeout = Self.timeAmount(connectTimeout)
        self.maxIdlePerOrigin = maxIdlePerOrigin
        self.responseTimeout = responseTimeout.map(Self.timeAmount)
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// How many connections this client has opened so far.
    public var openedConnections: Int { connectionsOpened.load(ordering: .relaxed) }

    /// Closes the idle connections.
    public func closeIdleConnections() async {
        let all = idle.withLock { idle -> [Connection] in
            defer { idle.removeAll() }
            return idle.values.flatMap { $0 }
        }
        for connection in all { try? await connection.channel.close() }
    }

    public func execute(_ request: A2AClientRequest) async throws -> A2AClientResponse {
        let origin = try Self.origin(of: request.url)
        if let pooled = takeIdle(origin) {
            do {
                return try await send(request, on: pooled, origin: origin)
            } catch let error as ConnectionFailedBeforeResponse {
                _ = error  // the idle connection had gone stale: try once on a fresh one
            }
        }
        let fresh = try await connect(origin)
        do {
            return try await send(request, on: fresh, origin: origin)
        } catch let error as ConnectionFailedBeforeResponse {
            throw error.underlying
        }
    }

    // MARK: Connections

    private func takeIdle(_ origin: Origin) -> Connection? {
        idle.withLock { idle -> Connection? in
            while var list = idle[origin], let connection = list.popLast() {
                idle[origin] = list.isEmpty ? nil : list
                if connection.channel.isActive { return connection }
            }
            return nil
        }
    }

    private func giveBack(_ connection: Connection, origin: Origin) {
        let overflow = idle.withLock { idle -> Bool in
            guard connection.channel.isActive, idle[origin, default: []].count < maxIdlePerOrigin else { return true }
            idle[origin, default: []].append(connection)
            return false
        }
        if overflow { connection.channel.close(promise: nil) }
    }

    private func connect(_ origin: Origin) async throws -> Connection {
        if origin.secure && security == nil {
            throw PooledHTTPClientError.tlsNotConfigured(origin.host)
        }
        let security = origin.secure ? self.security : nil
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try security?.addHandlers(to: channel, host: origin.host, port: origin.port)
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseReceiver())
                }
            }
            .connect(host: origin.host, port: origin.port).get()
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
