#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RegoValue: Hashable, Comparable {
    public static func == (lhs: RegoValue, rhs: RegoValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return UTF8Order.equal(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.set(let a), .set(let b)): return a.elements == b.elements
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeRank)
        switch self {
        case .null: break
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): UTF8Order.hash(s, into: &hasher)
        case .array(let a): hasher.combine(a)
        case .set(let s): hasher.combine(s.elements)
        case .object(let o):
            hasher.combine(o)
        }
    }

    public static func < (lhs: RegoValue, rhs: RegoValue) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// OPA's total order as a three-way comparison (-1, 0, 1).
    public static func compare(_ lhs: RegoValue, _ rhs: RegoValue) -> Int {
        switch (lhs, rhs) {
        case (.null, .null): return 0
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.number(let a), .number(let b)): return RegoNumber.compare(a, b)
        case (.string(let a), .string(let b)): return UTF8Order.compare(a, b)
        case (.array(let a), .array(let b)): return compareSequences(a, b)
        case (.set(let a), .set(let b)): return compareSequences(a.elements, b.elements)
        case (.object(let a), .object(let b)): return compareObjects(a, b)
        default: return lhs.typeRank < rhs.typeRank ? -1 : 1
        }
    }

    private static func compareSequences(_ a: [RegoValue], _ b: [RegoValue]) -> Int {
        for (x, y) in zip(a, b) {
            let c = compare(x, y)
            if c != 0 { return c }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    private static func compareObjects(_ a: RegoObject, _ b: RegoObject) -> Int {
        for index in 0..<min(a.count, b.count) {
            let keyOrder = compare(a.entries[index].key, b.entries[index].key)
            if keyOrder != 0 { return keyOrder }
            let valueOrder = compare(a.entries[index].value, b.entries[index].value)
            if valueOrder != 0 { return valueOrder }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}

/// Byte-wise (UTF-8) string comparison, as Go compares strings.
enum UTF8Order {
    static func compare(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in compare(pa, pb) }
        }
        if let result = fast ?? nil { return result }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in compare(pa, pb) } }
    }

    private static func compare(_ pa: UnsafeBufferPointer<UInt8>, _ pb: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(pa.count, pb.count)
        if common > 0 {
            let c = memcmp(pa.baseAddress!, pb.baseAddress!, common)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return pa.count == pb.count ? 0 : (pa.count < pb.count ? -1 : 1)
    }

    /// Byte equality. Swift's `==` (canonical equivalence) rejects most unequal strings cheaply and
    /// is exact for ASCII; equal-looking non-identical byte sequences are confirmed byte by byte.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && compare(a, b) == 0
    }

    static func hash(_ s: String, into hasher: inout Hasher) {
        var s = s
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
