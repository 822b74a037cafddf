/// Arithmetic with OPA's semantics: exact on integers, falling back to `Double` on overflow
/// or for fractions. Failures (division by zero, modulo of non-integers) return `nil`.
extension RegoNumber {
    static func + (lhs: RegoNumber, rhs: RegoNumber) -> RegoNumber {
        if case .int(let a) = lhs.storage, case .int(let b) = rhs.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow { return RegoNumber(sum) }
        }
        return RegoNumber(lhs.doubleValue + rhs.doubleValue)
    }

    static func - (lhs: RegoNumber, rhs: RegoNumber) -> RegoNumber {
        if case .int(let a) = lhs.storage, case .int(let b) = rhs.storage {
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return RegoNumber(difference) }
        }
        return RegoNumber(lhs.doubleValue - rhs.doubleValue)
    }

    static func * (lhs: RegoNumber, rhs: RegoNumber) -> RegoNumber {
        if case .int(let a) = lhs.storage, case .int(let b) = rhs.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return RegoNumber(product) }
        }
        return RegoNumber(lhs.doubleValue * rhs.doubleValue)
    }

    /// `nil` on division by zero.
    func divided(by rhs: RegoNumber) -> RegoNumber? {
        if rhs.doubleValue == 0 { return nil }
        if case .int(let a) = storage, case .int(let b) = rhs.storage, b != -1, a % b == 0 {
            return RegoNumber(a / b)
        }
        return RegoNumber(doubleValue / rhs.doubleValue)
    }

    /// Truncated remainder of two integers; `nil` for non-integers or a zero divisor.
    func remainder(dividingBy rhs: RegoNumber) -> RegoNumber? {
        guard case .int(let a) = storage, case .int(let b) = rhs.storage, b != 0 else { return nil }
        if b == -1 { return RegoNumber(0) }
        return RegoNumber(a % b)
    }
}
