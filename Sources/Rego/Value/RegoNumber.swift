/// A Rego number. Integers that fit in 64 bits are exact; everything else is a `Double`
/// (OPA uses arbitrary precision; very large numbers are approximated here).
/// Integral results are always stored as integers, so `4 / 2` is `2`, never `2.0`.
public struct RegoNumber: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable {
        case int(Int64)
        case double(Double)
    }

    let storage: Storage

    /// An exact integer.
    public init(_ value: Int) {
        storage = .int(Int64(value))
    }

    /// An exact integer.
    public init(_ value: Int64) {
        storage = .int(value)
    }

    /// A floating-point number; integral values that fit in 64 bits become exact integers.
    public init(_ value: Double) {
        if value.rounded(.towardZero) == value, abs(value) < 9.2e18 {
            storage = .int(Int64(value))
        } else {
            storage = .double(value)
        }
    }

    /// The value as a `Double` (possibly rounded for very large integers).
    public var doubleValue: Double {
        switch storage {
        case .int(let i): Double(i)
        case .double(let d): d
        }
    }

    /// The value as an exact integer, if it is one.
    public var intValue: Int64? {
        if case .int(let i) = storage { return i }
        return nil
    }

    /// `true` for finite numbers (NaN and infinities cannot come from JSON but can from arithmetic).
    var isFinite: Bool {
        if case .double(let d) = storage { return d.isFinite }
        return true
    }

    public static func == (lhs: RegoNumber, rhs: RegoNumber) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        }
    }

    /// Numeric three-way comparison.
    static func compare(_ lhs: RegoNumber, _ rhs: RegoNumber) -> Int {
        switch (lhs.storage, rhs.storage) {
        case (.int(let a), .int(let b)):
            return a < b ? -1 : (a == b ? 0 : 1)
        default:
            let a = lhs.doubleValue, b = rhs.doubleValue
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }

    /// JSON text: integers (and integral doubles below 1e21) without a fraction or exponent.
    public var description: String {
        switch storage {
        case .int(let i):
            return String(i)
        case .double(let d):
            if d.rounded(.towardZero) == d, abs(d) < 1e21 {
                return IntegralDoubleFormatter.decimalString(d)
            }
            return d.description
        }
    }
}

/// Prints integral doubles too large for `Int64` as exact decimal digits.
enum IntegralDoubleFormatter {
    static func decimalString(_ value: Double) -> String {
        let negative = value < 0
        let magnitude = abs(value)
        // magnitude = significand * 2^exponent with an integral significand.
        var exponent = Int(magnitude.exponent) - 52
        var significand = magnitude.significandBitPattern | (1 << 52)
        while exponent < 0 {
            significand >>= 1
            exponent += 1
        }
        // Decimal digits, least significant first.
        var digits: [UInt8] = []
        var s = significand
        while s > 0 {
            digits.append(UInt8(s % 10))
            s /= 10
        }
        for _ in 0..<exponent {
            var carry: UInt8 = 0
            for index in digits.indices {
                let doubled = digits[index] * 2 + carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        let text = String(decoding: digits.reversed().map { $0 + 48 }, as: UTF8.self)
        return negative ? "-" + text : text
    }
}
