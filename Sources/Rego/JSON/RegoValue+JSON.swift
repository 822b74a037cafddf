import Foundation

extension RegoValue {
    /// Parses a JSON document.
    public init<Bytes: Sequence>(jsonData: Bytes) throws(RegoError) where Bytes.Element == UInt8 {
        self = try JSONParser.parse(jsonData)
    }

    /// Parses JSON text.
    public init(jsonString: String) throws(RegoError) {
        self = try JSONParser.parse(jsonString.utf8)
    }

    /// Compact JSON bytes (sets as sorted arrays).
    public func jsonData() -> [UInt8] {
        Array(jsonString().utf8)
    }

    /// Compact JSON text (sets as sorted arrays).
    public func jsonString() -> String {
        var out = ""
        JSONWriter.write(self, to: &out)
        return out
    }

    /// Converts a JSON-like Swift or Foundation value: `nil`/`NSNull`, `Bool`, integers, floating
    /// point numbers, `NSNumber`, `String`, arrays and dictionaries with `String` keys, and
    /// `RegoValue` itself.
    public init(any value: Any?) throws(RegoError) {
        guard let value else {
            self = .null
            return
        }
        switch value {
        case let v as RegoValue: self = v
        case is NSNull: self = .null
        case let n as NSNumber where type(of: value) is NSNumber.Type:
            self = RegoValue.fromNSNumber(n)
        case let b as Bool: self = .bool(b)
        case let i as Int: self = .int(i)
        case let i as Int64: self = .number(RegoNumber(i))
        case let i as Int32: self = .int(Int(i))
        case let u as UInt: self = u <= UInt(Int64.max) ? .number(RegoNumber(Int64(u))) : .double(Double(u))
        case let d as Double:
            guard d.isFinite else { throw RegoError(.json, "non-finite number \(d) has no JSON form") }
            self = .double(d)
        case let f as Float: self = .double(Double(f))
        case let s as String: self = .string(s)
        case let s as Substring: self = .string(String(s))
        case let array as [Any?]:
            var elements: [RegoValue] = []
            elements.reserveCapacity(array.count)
            for element in array { elements.append(try RegoValue(any: element)) }
            self = .array(elements)
        case let dictionary as [String: Any?]:
            var pairs: [(RegoValue, RegoValue)] = []
            pairs.reserveCapacity(dictionary.count)
            for (key, element) in dictionary { pairs.append((.string(key), try RegoValue(any: element))) }
            self = .object(RegoObject(pairs))
        default:
            throw RegoError(.json, "value of type \(type(of: value)) is not JSON-like")
        }
    }

    private static func fromNSNumber(_ number: NSNumber) -> RegoValue {
        let type = String(cString: number.objCType)
        if type == "c" || type == "B" { return .bool(number.boolValue) }
        if type == "d" || type == "f" { return .double(number.doubleValue) }
        return .number(RegoNumber(number.int64Value))
    }
}
