import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare TCP exchange on loopback: sends bytes and reads what comes back until the peer closes the
/// connection or a deadline passes. For showing what a server answers (or does not) to a non-TLS client.
enum PlainTCPProbe {
    enum End: Equatable, CustomStringConvertible {
        /// The peer closed the connection (EOF).
        case closed
        /// The peer reset the connection.
        case reset
        /// The deadline passed with the connection still open.
        case timedOut

        var description: String {
            switch self {
            case .closed: "closed"
            case .reset: "reset"
            case .timedOut: "still open at the deadline"
            }
        }
    }

    struct Outcome: CustomStringConvertible {
        /// Everything received before the end.
        var received: [UInt8]
        var end: End

        var description: String {
            let text = String(decoding: received.prefix(64), as: UTF8.self)
            return "\(end) after \(received.count) bytes (\(received.prefix(16).map { String($0, radix: 16) }), \"\(text)\")"
        }
    }

    struct SystemError: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// Connects to `127.0.0.1:port`, sends `payload` and reads until the peer closes or `timeout` passes.
    static func exchange(port: Int, sending payload: [UInt8], timeout: Duration = .seconds(5)) throws -> Outcome {
        #if os(Linux)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SystemError(call: "socket", code: errno) }
        defer { close(fd) }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, "127.0.0.1", &address.sin_addr) == 1 else {
            throw SystemError(call: "inet_pton", code: errno)
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw SystemError(call: "connect", code: errno) }

        // Each read waits at most 100 ms, so the overall deadline is checked often.
        var interval = timeval(tv_sec: 0, tv_usec: 100_000)
        guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
            throw SystemError(call: "setsockopt(SO_RCVTIMEO)", code: errno)
        }

        #if os(Linux)
            let sendFlags = Int32(MSG_NOSIGNAL)
        #else
            let sendFlags: Int32 = 0
        #endif
        let sent = payload.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, sendFlags) }
        guard sent == payload.count else { throw SystemError(call: "send", code: errno) }

        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return Outcome(received: received, end: .closed)
            } else if errno == ECONNRESET {
                return Outcome(received: received, end: .reset)
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw SystemError(call: "recv", code: errno)
            }
        }
        return Outcome(received: received, end: .timedOut)
    }
}
