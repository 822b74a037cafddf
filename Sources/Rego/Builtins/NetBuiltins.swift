/// `net.cidr_contains` for IPv4 and IPv6 (addresses and networks).
enum NetBuiltins {
    static let all: [Builtin] = [
        Builtin("net.cidr_contains", arity: 2) { (args, _) throws(BuiltinError) in
            guard let network = IPNetwork(cidr: try args.string(0)) else {
                throw BuiltinError("net.cidr_contains: invalid CIDR \"\(args[0])\"")
            }
            let other = try args.string(1)
            if let address = IPAddress(other) {
                return .bool(network.contains(address))
            }
            guard let inner = IPNetwork(cidr: other) else {
                throw BuiltinError("net.cidr_contains: \"\(other)\" is neither an IP address nor a CIDR")
            }
            return .bool(network.contains(inner))
        }
    ]
}

/// An IP address as 4 or 16 bytes (IPv4-mapped IPv6 addresses count as IPv4, as in Go).
struct IPAddress: Equatable {
    let bytes: [UInt8]

    init?(_ text: String) {
        if text.contains(":") {
            guard let v6 = IPAddress.parseIPv6(text) else { return nil }
            if v6[0..<10].allSatisfy({ $0 == 0 }), v6[10] == 0xFF, v6[11] == 0xFF {
                bytes = Array(v6[12...])
            } else {
                bytes = v6
            }
        } else {
            guard let v4 = IPAddress.parseIPv4(text) else { return nil }
            bytes = v4
        }
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parseIPv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                !(part.count > 1 && part.first == "0"), let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseIPv6(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        var tail: [UInt8] = []
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = parseIPv4(String(text[text.index(after: lastColon)...])) else { return nil }
            tail = v4
            text = text[...lastColon]
            if !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.splitAtDoubleColon()
        guard halves.count <= 2 else { return nil }
        func groups(_ part: Substring) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 {
            let all = head + tail
            return all.count == 16 ? all : nil
        }
        guard let rest = groups(halves[1]) else { return nil }
        let known = head.count + rest.count + tail.count
        guard known <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - known) + rest + tail
    }
}

extension Substring {
    /// Splits at `::` (at most meaningful once in an IPv6 address).
    fileprivate func splitAtDoubleColon() -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                parts.append(self[start..<index])
                start = self.index(after: next)
                index = start
                continue
            }
            index = next
        }
        parts.append(self[start..<endIndex])
        return parts
    }
}

/// A network `address/prefix`, with the address masked to the prefix.
struct IPNetwork {
    let base: [UInt8]
    let prefix: Int

    init?(cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), parts[1].allSatisfy(\.isNumber) else { return nil }
        let text = String(parts[0])
        let bytes: [UInt8]
        if text.contains(":") {
            guard let v6 = IPAddress.parseIPv6(text) else { return nil }
            bytes = v6
        } else {
            guard let v4 = IPAddress.parseIPv4(text) else { return nil }
            bytes = v4
        }
        guard prefix >= 0, prefix <= bytes.count * 8 else { return nil }
        self.prefix = prefix
        base = IPNetwork.mask(bytes, prefix)
    }

    private static func mask(_ bytes: [UInt8], _ prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bits = max(0, min(8, prefix - index * 8))
            return bits == 8 ? byte : byte & ~(0xFF >> bits)
        }
    }

    func contains(_ address: IPAddress) -> Bool {
        address.bytes.count == base.count && IPNetwork.mask(address.bytes, prefix) == base
    }

    func contains(_ other: IPNetwork) -> Bool {
        other.base.count == base.count && other.prefix >= prefix && IPNetwork.mask(other.base, prefix) == base
    }
}
