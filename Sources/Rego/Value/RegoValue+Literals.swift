extension RegoValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(RegoNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(RegoNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: RegoValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, RegoValue)...) {
        self = .object(RegoObject(elements.map { (RegoValue.string($0.0), $0.1) }))
    }
}

extension RegoValue: CustomStringConvertible {
    /// Rego's own text form, as OPA prints values (`sprintf("%v")`): `[1, "a"]`, `{"k": 1}`,
    /// `{1, 2}`, `set()`.
    public var description: String {
        var out = ""
        RegoText.write(self, to: &out)
        return out
    }
}

/// Writes values in Rego's text syntax.
enum RegoText {
    static func write(_ value: RegoValue, to out: inout String) {
        switch value {
        case .null, .bool, .number, .string:
            JSONWriter.write(value, to: &out)
        case .array(let elements):
            out += "["
            writeList(elements, to: &out)
            out += "]"
        case .set(let set):
            if set.isEmpty {
                out += "set()"
                return
            }
            out += "{"
            writeList(set.elements, to: &out)
            out += "}"
        case .object(let object):
            out += "{"
            for (index, (key, element)) in object.entries.enumerated() {
                if index > 0 { out += ", " }
                write(key, to: &out)
                out += ": "
                write(element, to: &out)
            }
            out += "}"
        }
    }

    private static func writeList(_ elements: [RegoValue], to out: inout String) {
        for (index, element) in elements.enumerated() {
            if index > 0 { out += ", " }
            write(element, to: &out)
        }
    }
}
