/// An immutable Rego object: entries sorted by key in OPA's value order.
public struct RegoObject: Sendable, Hashable, Sequence {
    public typealias Entry = (key: RegoValue, value: RegoValue)

    /// The entries, sorted by key, keys unique.
    public let entries: [Entry]

    /// The empty object.
    public init() {
        entries = []
    }

    /// An object from key/value pairs; for duplicate keys the last pair wins (as in JSON).
    public init<S: Sequence>(_ pairs: S) where S.Element == (RegoValue, RegoValue) {
        self.init(entries: pairs.map { Entry($0.0, $0.1) })
    }

    /// An object from entries; for duplicate keys the last entry wins. Entries already in key order
    /// (the common case for documents built by code) are taken as they are, without sorting.
    /// Not generic, so callers in other modules get a specialized, allocation-light path.
    public init(entries pairs: [Entry]) {
        if RegoObject.isStrictlyIncreasing(pairs) {
            entries = pairs
            return
        }
        let sorted = pairs.enumerated().sorted { lhs, rhs in
            let c = RegoValue.compare(lhs.element.key, rhs.element.key)
            return c != 0 ? c < 0 : lhs.offset < rhs.offset
        }
        var unique: [Entry] = []
        unique.reserveCapacity(sorted.count)
        for (_, pair) in sorted {
            if let last = unique.last, RegoValue.compare(last.key, pair.key) == 0 {
                unique[unique.count - 1].value = pair.value
            } else {
                unique.append(pair)
            }
        }
        entries = unique
    }

    /// An object with string keys.
    public init(_ dictionary: [String: RegoValue]) {
        self.init(dictionary.map { (RegoValue.string($0.key), $0.value) })
    }

    init(sortedEntries: [Entry]) {
        entries = sortedEntries
    }

    private static func isStrictlyIncreasing(_ pairs: [Entry]) -> Bool {
        for index in pairs.indices.dropFirst() where RegoValue.compare(pairs[index - 1].key, pairs[index].key) >= 0 {
            return false
        }
        return true
    }

    /// The keys, sorted.
    public var keys: [RegoValue] { entries.map(\.key) }

    /// The values, in key order.
    public var values: [RegoValue] { entries.map(\.value) }

    /// The number of keys.
    public var count: Int { entries.count }

    /// `true` if there are no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value for a key.
    public subscript(key: RegoValue) -> RegoValue? {
        if case .string(let s) = key { return self[s] }
        guard let index = position(of: key) else { return nil }
        return entries[index].value
    }

    /// The value for a string key (linear scan for small objects, binary search otherwise; no copies
    /// of non-matching entries).
    public subscript(key: String) -> RegoValue? {
        let length = key.utf8.count
        return entries.withUnsafeBufferPointer { buffer -> RegoValue? in
            if buffer.count <= 8 {
                for index in buffer.indices {
                    if case .string(let s) = buffer[index].key, s.utf8.count == length, UTF8Order.compare(s, key) == 0 {
                        return buffer[index].value
                    }
                }
                return nil
            }
            var low = 0, high = buffer.count
            while low < high {
                let mid = (low + high) / 2
                let c: Int
                if case .string(let s) = buffer[mid].key {
                    c = UTF8Order.compare(s, key)
                } else {
                    c = buffer[mid].key.typeRank < 3 ? -1 : 1
                }
                if c == 0 { return buffer[mid].value }
                if c < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    /// Binary search for `key`: its index, or `nil`.
    private func position(of key: RegoValue) -> Int? {
        let index = insertionPoint(of: key)
        return index < entries.count && RegoValue.compare(entries[index].key, key) == 0 ? index : nil
    }

    private func insertionPoint(of key: RegoValue) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if RegoValue.compare(entries[mid].key, key) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }

    /// A copy with `key` set to `value`.
    public func setting(_ key: RegoValue, to value: RegoValue) -> RegoObject {
        let index = insertionPoint(of: key)
        var copy = entries
        if index < copy.count, RegoValue.compare(copy[index].key, key) == 0 {
            copy[index].value = value
        } else {
            copy.insert((key, value), at: index)
        }
        return RegoObject(sortedEntries: copy)
    }

    /// A copy without the given keys.
    public func removing(_ removed: RegoSet) -> RegoObject {
        RegoObject(sortedEntries: entries.filter { !removed.contains($0.key) })
    }

    /// A copy with only the given keys.
    public func keeping(_ kept: RegoSet) -> RegoObject {
        RegoObject(sortedEntries: entries.filter { kept.contains($0.key) })
    }

    public static func == (lhs: RegoObject, rhs: RegoObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
