/// An immutable Rego set, stored sorted in OPA's value order (so iteration is deterministic
/// and matches OPA's sorted iteration).
public struct RegoSet: Sendable, Hashable, Sequence {
    /// The members, sorted and unique.
    public let elements: [RegoValue]

    /// The empty set.
    public init() {
        elements = []
    }

    /// A set of the given values (duplicates are dropped).
    public init<S: Sequence>(_ values: S) where S.Element == RegoValue {
        let values = Array(values)
        if values.indices.dropFirst().allSatisfy({ RegoValue.compare(values[$0 - 1], values[$0]) < 0 }) {
            elements = values
            return
        }
        var sorted = values.sorted { RegoValue.compare($0, $1) < 0 }
        sorted.removeAdjacentDuplicates()
        elements = sorted
    }

    init(sortedUnique: [RegoValue]) {
        elements = sortedUnique
    }

    /// The number of members.
    public var count: Int { elements.count }

    /// `true` if there are no members.
    public var isEmpty: Bool { elements.isEmpty }

    /// Membership test (binary search).
    public func contains(_ value: RegoValue) -> Bool {
        SortedSearch.index(of: value, in: elements) != nil
    }

    public func makeIterator() -> IndexingIterator<[RegoValue]> {
        elements.makeIterator()
    }

    /// Members in either set.
    public func union(_ other: RegoSet) -> RegoSet {
        RegoSet(sortedUnique: SortedMerge.merge(elements, other.elements, keep: .union))
    }

    /// Members in both sets.
    public func intersection(_ other: RegoSet) -> RegoSet {
        RegoSet(sortedUnique: SortedMerge.merge(elements, other.elements, keep: .intersection))
    }

    /// Members of this set that are not in `other`.
    public func subtracting(_ other: RegoSet) -> RegoSet {
        RegoSet(sortedUnique: SortedMerge.merge(elements, other.elements, keep: .difference))
    }
}

extension Array where Element == RegoValue {
    mutating func removeAdjacentDuplicates() {
        guard count > 1 else { return }
        var write = 1
        for read in 1..<count where RegoValue.compare(self[read], self[write - 1]) != 0 {
            self[write] = self[read]
            write += 1
        }
        removeLast(count - write)
    }
}

/// Binary search over a sorted array of values.
enum SortedSearch {
    static func index(of value: RegoValue, in sorted: [RegoValue]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            let c = RegoValue.compare(sorted[mid], value)
            if c == 0 { return mid }
            if c < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}

/// Linear merges of sorted unique arrays.
enum SortedMerge {
    enum Keep { case union, intersection, difference }

    static func merge(_ a: [RegoValue], _ b: [RegoValue], keep: Keep) -> [RegoValue] {
        var result: [RegoValue] = []
        result.reserveCapacity(keep == .intersection ? min(a.count, b.count) : a.count + (keep == .union ? b.count : 0))
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let c = RegoValue.compare(a[i], b[j])
            if c == 0 {
                if keep != .difference { result.append(a[i]) }
                i += 1
                j += 1
            } else if c < 0 {
                if keep != .intersection { result.append(a[i]) }
                i += 1
            } else {
                if keep == .union { result.append(b[j]) }
                j += 1
            }
        }
        if keep != .intersection { result.append(contentsOf: a[i...]) }
        if keep == .union { result.append(contentsOf: b[j...]) }
        return result
    }
}
