import Testing

@testable import Rego

@Suite struct CollectionBuiltinTests {
    private func value(_ expression: String, input: RegoValue? = nil) throws -> RegoValue? {
        try RegoTest.eval("x := " + expression, input: input)
    }

    @Test func countAndAggregates() throws {
        #expect(try value(#"[count([1, 2]), count({1}), count({"a": 1}), count("héllo"), count([])]"#) == [2, 1, 1, 5, 0])
        #expect(try value("count(input.n)", input: ["n": 5]) == nil)
        #expect(try value("[sum([1, 2, 3.5]), product([2, 3]), sum([]), max([3, 1, 2]), min({3, 1, 2}), max([\"a\", \"b\"])]") == [6.5, 6, 0, 3, 1, "b"])
        #expect(try value("max([])") == nil)
        #expect(try value("sum([1, \"a\"])") == nil)
    }

    @Test func sorting() throws {
        #expect(try value(#"[sort([3, 1, 2]), sort({"b", "a"}), sort(["b", 1, null])]"#) == [[1, 2, 3], ["a", "b"], [.null, 1, "b"]])
    }

    @Test func arrays() throws {
        #expect(try value("array.concat([1, 2], [3])") == [1, 2, 3])
        #expect(try value("[array.slice([1, 2, 3, 4], 1, 3), array.slice([1, 2], 0, 10), array.slice([1, 2], 2, 1), array.reverse([1, 2])]") == [[2, 3], [1, 2], [], [2, 1]])
        #expect(try value("[numbers.range(1, 3), numbers.range(3, 1)]") == [[1, 2, 3], [3, 2, 1]])
    }

    @Test func setsOfSets() throws {
        #expect(try value("union({{1, 2}, {2, 3}, set()})") == .set(RegoSet([1, 2, 3])))
        #expect(try value("intersection({{1, 2, 3}, {2, 3}, {3, 2, 9}})") == .set(RegoSet([2, 3])))
        #expect(try value("intersection(set())") == .emptySet)
    }

    @Test func objectGet() throws {
        #expect(try value(#"[object.get({"a": 1}, "a", 0), object.get({"a": 1}, "b", 0), object.get({"a": {"b": 2}}, ["a", "b"], 0), object.get({"a": {"b": 2}}, ["a", "c"], "d"), object.get({"a": [5]}, ["a", 0], 0)]"#) == [1, 0, 2, "d", 5])
        #expect(try value(#"object.get({"a": 1}, [], "d")"#) == ["a": 1])
        #expect(try value(#"object.get(input.xs, 0, "d")"#, input: ["xs": [1]]) == nil)
    }

    @Test func objectKeysUnionRemoveFilter() throws {
        #expect(try value(#"object.keys({"b": 1, "a": 2})"#) == .set(RegoSet(["a", "b"])))
        #expect(try value(#"object.union({"a": 1, "n": {"x": 1, "y": 1}}, {"b": 2, "n": {"y": 2}})"#) == ["a": 1, "b": 2, "n": ["x": 1, "y": 2]])
        #expect(try value(#"object.union({"a": {"x": 1}}, {"a": 5})"#) == ["a": 5])
        #expect(try value(#"object.union_n([{"a": 1}, {"b": 2}, {"a": 3}])"#) == ["a": 3, "b": 2])
        #expect(try value(#"object.remove({"a": 1, "b": 2, "c": 3}, ["a", "c"])"#) == ["b": 2])
        #expect(try value(#"object.filter({"a": 1, "b": 2, "c": 3}, {"a", "c"})"#) == ["a": 1, "c": 3])
    }

    @Test func typesAndNumbers() throws {
        #expect(try value(#"[is_string("a"), is_string(1), is_number(1.5), is_boolean(false), is_array([]), is_set(set()), is_object({}), is_null(null), is_array({})]"#) == [true, false, true, true, true, true, true, true, false])
        #expect(try value(#"[type_name(null), type_name(true), type_name(1), type_name("s"), type_name([]), type_name({}), type_name(set())]"#) == ["null", "boolean", "number", "string", "array", "object", "set"])
        #expect(try value(#"[to_number("42"), to_number("-1.5"), to_number("1e3"), to_number(true), to_number(null), to_number(3)]"#) == [42, -1.5, 1000, 1, 0, 3])
        #expect(try value(#"to_number("abc")"#) == nil)
        #expect(try value(#"to_number("0x10")"#) == nil)
        #expect(try value("[abs(-5), abs(2.5), round(2.5), round(-2.5), ceil(1.2), floor(-1.2)]") == [5, 2.5, 3, -3, 2, -2])
    }
}
