/// Go's `%e`, `%f` and `%g` for float64.
enum FloatFormat {
    static func fixed(_ value: Double, precision: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        var digits = DecimalDigits.exact(value)
        digits.round(fraction: precision)
        return (value < 0 ? "-" : "") + digits.fixed(precision: precision)
    }

    static func scientific(_ value: Double, precision: Int, upper: Bool) -> String {
        guard value.isFinite else { return nonFinite(value) }
        var digits = DecimalDigits.exact(value)
        digits.round(significant: precision + 1)
        return (value < 0 ? "-" : "") + digits.scientific(precision: precision, upper: upper)
    }

    /// `%g` (and `%v`): shortest digits when `precision` is nil.
    static func general(_ value: Double, precision: Int?, upper: Bool) -> String {
        guard value.isFinite else { return nonFinite(value) }
        var digits: DecimalDigits
        var eprec: Int
        if let precision {
            digits = DecimalDigits.exact(value)
            let p = precision == 0 ? 1 : precision
            digits.round(significant: p)
            eprec = p
            if eprec > digits.digits.count && digits.digits.count >= digits.point { eprec = digits.digits.count }
        } else {
            digits = DecimalDigits.shortest(value)
            eprec = 6
        }
        let exponent = digits.digits.isEmpty ? 0 : digits.point - 1
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= eprec {
            return sign + digits.scientific(precision: max(digits.digits.count - 1, 0), upper: upper)
        }
        return sign + digits.fixed(precision: max(digits.digits.count - digits.point, 0))
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf")
    }
}
