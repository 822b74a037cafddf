import Foundation
import Testing

@testable import Rego

@Suite struct ValueTests {
    @Test func integersAndIntegralFloatsAreEqualAndPrintAsIntegers() throws {
        #expect(RegoValue.int(1) == RegoValue.double(1.0))
        #expect(RegoValue.int(1).hashValue == RegoValue.double(1.0).hashValue)
        #expect(RegoValue.double(2.0).jsonString() == "2")
        #expect(RegoValue.double(2.5).jsonString() == "2.5")
        #expect(RegoValue.double(1e20).jsonString() == "100000000000000000000")
        #expect(RegoValue.double(-3e19).jsonString() == "-30000000000000000000")
    }

    @Test func arithmeticFollowsOPA() {
        #expect(RegoNumber(7).divided(by: RegoNumber(2)) == RegoNumber(3.5))
        #expect(RegoNumber(8).divided(by: RegoNumber(2))?.intValue == 4)
        #expect(RegoNumber(1).divided(by: RegoNumber(0)) == nil)
        #expect(RegoNumber(-7).remainder(dividingBy: RegoNumber(3)) == RegoNumber(-1))
        #expect(RegoNumber(5.5).remainder(dividingBy: RegoNumber(2)) == nil)
        #expect((RegoNumber(Int64.max) + RegoNumber(1)).intValue == nil)
        #expect((RegoNumber(Int64.max) + RegoNumber(1)).doubleValue == 9.223372036854775808e18)
    }

    @Test func orderFollowsOPATypeOrder() {
        let values: [RegoValue] = [.emptySet, .emptyObject, [], "a", 1, true, .null]
        let sorted = values.sorted()
        #expect(sorted == [.null, true, 1, "a", [], .emptyObject, .emptySet])
        #expect(RegoValue.string("Z") < RegoValue.string("a"))
        #expect(RegoValue.string("z") < RegoValue.string("é"))
        #expect([1] < [1, 0] as RegoValue)
    }

    @Test func setsAreSortedAndUnique() {
        let set = RegoSet([3, 1, 2, 1, "a"])
        #expect(set.elements == [1, 2, 3, "a"])
        #expect(set.contains(2))
        #expect(!set.contains(4))
        #expect(set.union(RegoSet([4])).count == 5)
        #expect(set.intersection(RegoSet([2, "a", "b"])).elements == [2, "a"])
        #expect(set.subtracting(RegoSet([1, "a"])).elements == [2, 3])
    }

    @Test func objectsKeepLastDuplicateAndSortKeys() {
        let object = RegoObject([("b", 1), ("a", 2), ("b", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["b"] == 3)
        #expect(object[RegoValue.string("a")] == 2)
        #expect(object["c"] == nil)
        #expect(object.setting("c", to: 4).keys == ["a", "b", "c"])
        #expect(object.removing(RegoSet(["a"])).keys == ["b"])
    }

    @Test func largeObjectsUseBinarySearch() {
        let object = RegoObject((0..<50).map { (RegoValue.string("k\($0)"), RegoValue.int($0)) })
        #expect(object["k37"] == 37)
        #expect(object["k50"] == nil)
    }

    @Test func jsonRoundTrip() throws {
        let text = #"{"a":[1,2.5,-3,1e3,true,false,null],"b":{"c":"é\n\"\u0001"},"d":[]}"#
        let value = try RegoValue(jsonString: text)
        #expect(value["a"] == [1, 2.5, -3, 1000, true, false, .null])
        #expect(value["b"]?["c"] == "é\n\"\u{01}")
        #expect(value.jsonString() == #"{"a":[1,2.5,-3,1000,true,false,null],"b":{"c":"é\n\"\u0001"},"d":[]}"#)
        #expect(try RegoValue(jsonData: value.jsonData()) == value)
    }

    @Test func jsonSurrogatePairsAndBigIntegers() throws {
        #expect(try RegoValue(jsonString: #""\ud83d\ude00""#) == "😀")
        // Beyond 64 bits numbers are doubles: the nearest double is printed exactly, as an integer.
        #expect(try RegoValue(jsonString: "12345678901234567890").jsonString() == "12345678901234567168")
        #expect(try RegoValue(jsonString: "9007199254740993") == .number(RegoNumber(Int64(9_007_199_254_740_993))))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru", "[1] 2", "\"\\ud800\"", "-"])
    func malformedJSONIsRejected(_ text: String) {
        #expect(throws: RegoError.self) { try RegoValue(jsonString: text) }
    }

    @Test func deeplyNestedJSONIsRejected() {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: RegoError.self) { try RegoValue(jsonString: text) }
    }

    @Test func nonStringKeysSerialiseAsJSONText() {
        let value = RegoValue.object(RegoObject([(1, "one"), (.set(RegoSet([2])), "two")]))
        #expect(value.jsonString() == #"{"1":"one","[2]":"two"}"#)
    }

    @Test func conversionFromFoundationValues() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(#"{"a":[1,2.5,true,null,"s"]}"#.utf8))
        let value = try RegoValue(any: parsed)
        #expect(value == ["a": [1, 2.5, true, .null, "s"]])
        let swiftValue = try RegoValue(any: ["k": [1, "x", false] as [Any]] as [String: Any])
        #expect(swiftValue == ["k": [1, "x", false]])
        #expect(throws: RegoError.self) { try RegoValue(any: Date()) }
    }

    @Test func regoTextForm() {
        let value: RegoValue = ["a": [1, "x"], "s": .set(RegoSet([1, 2])), "e": .emptySet]
        #expect(value.description == #"{"a": [1, "x"], "e": set(), "s": {1, 2}}"#)
    }
}
