import Foundation
import Testing

@testable import A2A

@Suite struct ModelJSONValueTests {
    private func reencode(_ json: String) throws -> String {
        try Wire.encode(Wire.decode(JSONValue.self, json))
    }

    @Test func integersStayIntegers() throws {
        #expect(try Wire.decode(JSONValue.self, "42") == .integer(42))
        #expect(try reencode("42") == "42")
        #expect(try reencode("-7") == "-7")
        #expect(try reencode("[1,2,{\"x\":null}]") == "[1,2,{\"x\":null}]")
    }

    @Test func fractionsStayDoubles() throws {
        let value = try Wire.decode(JSONValue.self, "3.5")
        guard case .double(let double) = value else {
            Issue.record("3.5 decoded as \(value)")
            return
        }
        #expect(double == 3.5)
        #expect(try reencode("3.5") == "3.5")
        #expect(try reencode("-0.25") == "-0.25")
    }

    @Test func integralDoubleIsTheSameJSONNumberAsTheInteger() throws {
        // JSON does not distinguish 1.0 from 1; both are emitted as 1.
        #expect(try Wire.decode(JSONValue.self, "1.0") == .integer(1))
        #expect(try reencode("1.0") == "1")
        #expect(try reencode("1") == "1")
        #expect(JSONValue.double(1.0) == JSONValue.integer(1))
        #expect(JSONValue.double(1.5) != JSONValue.integer(1))
        #expect(Set<JSONValue>([.double(2.0), .integer(2)]).count == 1)
    }

    @Test func hugeExponentIsADouble() throws {
        let value = try Wire.decode(JSONValue.self, "1e300")
        #expect(value == .double(1e300))
        let again = try Wire.decode(JSONValue.self, try Wire.encode(value))
        #expect(again.doubleValue == 1e300)
    }

    @Test func integersBeyondDoublePrecisionAreExact() throws {
        // 2^53 + 1 is not representable as a Double.
        #expect(try Wire.decode(JSONValue.self, "9007199254740993") == .integer(9_007_199_254_740_993))
        #expect(try reencode("9007199254740993") == "9007199254740993")
        #expect(try reencode("9223372036854775807") == "9223372036854775807")
        #expect(try reencode("-9223372036854775808") == "-9223372036854775808")
    }

    @Test func integersBeyondInt64BecomeDoubles() throws {
        let value = try Wire.decode(JSONValue.self, "9223372036854775808")
        #expect(value.int64Value == nil)
        #expect(value.doubleValue == 9_223_372_036_854_775_808.0)
    }

    @Test func everyKindRoundTrips() throws {
        let value: JSONValue = [
            "null": nil, "bool": true, "int": 42, "double": 3.25, "string": "a/b \"q\" ü 😀",
            "array": [1, "two", [false]], "object": ["nested": ["deep": -1]],
        ]
        #expect(try Wire.roundTrip(value) == value)
    }

    @Test func stringsAndBooleansAreNotNumbers() throws {
        #expect(try Wire.decode(JSONValue.self, "\"42\"") == .string("42"))
        #expect(try Wire.decode(JSONValue.self, "true") == .bool(true))
        #expect(try Wire.decode(JSONValue.self, "false").boolValue == false)
        #expect(try Wire.decode(JSONValue.self, "null").isNull)
    }

    @Test func accessors() {
        let value: JSONValue = ["name": "x", "list": [1, 2.5], "flag": true]
        #expect(value["name"]?.stringValue == "x")
        #expect(value["missing"] == nil)
        #expect(value["list"]?[0]?.int64Value == 1)
        #expect(value["list"]?[1]?.doubleValue == 2.5)
        #expect(value["list"]?[1]?.int64Value == nil)
        #expect(value["list"]?[2] == nil)
        #expect(value["flag"]?.boolValue == true)
        #expect(value.objectValue?.count == 3)
        #expect(value.arrayValue == nil)
        #expect(JSONValue.string("s")["key"] == nil)
        #expect(JSONValue.integer(3).stringValue == nil)
    }

    @Test func dictionaryLiteralKeepsTheLastDuplicate() {
        let value: JSONValue = ["k": 1, "k": 2]
        #expect(value["k"] == 2)
    }

    @Test func nonFiniteDoublesCannotBeEncoded() {
        #expect(throws: EncodingError.self) { try A2AJSON.encode(JSONValue.double(.nan)) }
    }
}
