/// Decimal digit strings of doubles for Go-compatible number formatting: the shortest
/// round-trip digits and the exact expansion, plus correct rounding (half to even).
struct DecimalDigits {
    /// Significant digits, most significant first, without leading zeros (empty for zero).
    var digits: [UInt8]
    /// Position of the decimal point: the value is 0.d1d2… × 10^point.
    var point: Int

    /// The shortest digits that round-trip (Swift's `description` is shortest round-trip, as Go's).
    static func shortest(_ value: Double) -> DecimalDigits {
        let text = abs(value).description
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...])!
        }
        var digits: [UInt8] = []
        var point = 0, seenPoint = false
        for c in mantissa {
            if c == "." {
                seenPoint = true
                continue
            }
            digits.append(UInt8(c.asciiValue! - 48))
            if !seenPoint { point += 1 }
        }
        var result = DecimalDigits(digits: digits, point: point + exponent)
        result.normalize()
        return result
    }

    /// The exact decimal expansion of a finite double.
    static func exact(_ value: Double) -> DecimalDigits {
        let magnitude = abs(value)
        if magnitude == 0 { return DecimalDigits(digits: [], point: 0) }
        var exponent = Int(magnitude.exponent) - 52
        var significand = magnitude.significandBitPattern
        if magnitude.isNormal { significand |= 1 << 52 } else { exponent = -1074 }
        // digits of significand (little endian)
        var little: [UInt8] = []
        var s = significand
        while s > 0 {
            little.append(UInt8(s % 10))
            s /= 10
        }
        var point = little.count
        if exponent >= 0 {
            for _ in 0..<exponent { multiply(&little, by: 2) }
            point = little.count
        } else {
            // value = significand / 2^k = significand * 5^k / 10^k
            for _ in 0..<(-exponent) { multiply(&little, by: 5) }
            point = little.count + exponent
        }
        var result = DecimalDigits(digits: little.reversed(), point: point)
        result.normalize()
        return result
    }

    private static func multiply(_ little: inout [UInt8], by factor: UInt8) {
        var carry: UInt8 = 0
        for index in little.indices {
            let product = little[index] * factor + carry
            little[index] = product % 10
            carry = product / 10
        }
        while carry > 0 {
            little.append(carry % 10)
            carry /= 10
        }
    }

    /// Drops leading and trailing zeros.
    mutating func normalize() {
        while digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
    }

    /// Rounds to `count` significant digits (half to even on the exact digits).
    mutating func round(significant count: Int) {
        guard count >= 0, digits.count > count else { return }
        let roundUp: Bool
        let next = digits[count]
        if next > 5 {
            roundUp = true
        } else if next < 5 {
            roundUp = false
        } else if digits[(count + 1)...].contains(where: { $0 != 0 }) {
            roundUp = true
        } else {
            roundUp = count > 0 && digits[count - 1] % 2 == 1
        }
        digits.removeLast(digits.count - count)
        if roundUp {
            var index = count - 1
            while index >= 0 {
                if digits[index] < 9 {
                    digits[index] += 1
                    break
                }
                digits[index] = 0
                index -= 1
            }
            if index < 0 {
                digits.insert(1, at: 0)
                point += 1
            }
        }
        normalize()
    }

    /// Rounds to `count` digits after the decimal point.
    mutating func round(fraction count: Int) {
        let significant = point + count
        if significant < 0 {
            digits = []
            point = 0
            return
        }
        if significant == 0 {
            // Only rounding can produce a digit: 0.5 and below round to 0 (half even), above to 1.
            let above = digits.first.map { $0 > 5 || ($0 == 5 && digits.dropFirst().contains { $0 != 0 }) } ?? false
            digits = above ? [1] : []
            point = above ? point + 1 : 0
            return
        }
        round(significant: significant)
    }

    /// `%f` text with `precision` fraction digits.
    func fixed(precision: Int) -> String {
        var integer = ""
        if point <= 0 {
            integer = "0"
        } else {
            for index in 0..<point { integer += String(index < digits.count ? digits[index] : 0) }
        }
        guard precision > 0 else { return integer }
        var fraction = ""
        for position in 0..<precision {
            let index = point + position
            fraction += String(index >= 0 && index < digits.count ? digits[index] : 0)
        }
        return integer + "." + fraction
    }

    /// `%e` text with `precision` fraction digits (Go: at least two exponent digits).
    func scientific(precision: Int, upper: Bool = false) -> String {
        let exponent = digits.isEmpty ? 0 : point - 1
        var text = String(digits.first ?? 0)
        if precision > 0 {
            text += "."
            for index in 1...precision { text += String(index < digits.count ? digits[index] : 0) }
        }
        let sign = exponent < 0 ? "-" : "+"
        let magnitude = String(abs(exponent))
        return text + (upper ? "E" : "e") + sign + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }
}
