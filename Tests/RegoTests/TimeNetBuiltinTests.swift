import Foundation
import Testing

@testable import Rego

@Suite struct TimeNetBuiltinTests {
    @Test func nowIsFixedPerEvaluationAndOverridable() throws {
        let policy = try RegoTest.policy("x := [time.now_ns(), time.now_ns()]\nt := time.now_ns()")
        #expect(try policy.evaluate(query: "data.p.x", input: nil, data: .emptyObject, nowNanoseconds: 42) == [42, 42])
        let real = try #require(try policy.evaluate(query: "data.p.t", input: nil, data: .emptyObject)?.numberValue?.intValue)
        let expected = Int64(Date().timeIntervalSince1970 * 1e9)
        #expect(abs(real - expected) < 60_000_000_000)
        let pair = try #require(try policy.evaluate(query: "data.p.x", input: nil, data: .emptyObject))
        #expect(pair[RegoValue.int(0)] == pair[RegoValue.int(1)])
    }

    @Test func rfc3339Parsing() throws {
        let value = try RegoTest.eval(#"x := [time.parse_rfc3339_ns("2026-01-01T00:00:00Z"), time.parse_rfc3339_ns("2026-01-01T01:30:00.5+01:30"), time.parse_rfc3339_ns("1969-12-31T23:59:59.000000001Z"), time.parse_rfc3339_ns("2024-02-29T12:00:00-00:00")]"#)
        #expect(value == [.number(RegoNumber(Int64(1_767_225_600_000_000_000))), .number(RegoNumber(Int64(1_767_225_600_500_000_000))), -999_999_999, .number(RegoNumber(Int64(1_709_208_000_000_000_000)))])
        for bad in ["yesterday", "2026-02-30T00:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.Z"] {
            #expect(try RegoTest.eval("x := time.parse_rfc3339_ns(\"\(bad)\")") == nil, "\(bad)")
        }
    }

    @Test func cidrContainsIPv4() throws {
        let value = try RegoTest.eval(#"x := [net.cidr_contains("10.0.0.0/8", "10.1.2.3"), net.cidr_contains("10.0.0.0/8", "11.0.0.1"), net.cidr_contains("10.0.0.0/8", "10.1.0.0/16"), net.cidr_contains("10.1.0.0/16", "10.0.0.0/8"), net.cidr_contains("192.168.1.7/24", "192.168.1.200"), net.cidr_contains("0.0.0.0/0", "8.8.8.8"), net.cidr_contains("10.0.0.1/32", "10.0.0.1")]"#)
        #expect(value == [true, false, true, false, true, true, true])
    }

    @Test func cidrContainsIPv6AndMappedAddresses() throws {
        let value = try RegoTest.eval(#"x := [net.cidr_contains("2001:db8::/32", "2001:db8::1"), net.cidr_contains("2001:db8::/32", "2001:db9::1"), net.cidr_contains("::/0", "fe80::1"), net.cidr_contains("2001:db8::/32", "2001:db8:1::/48"), net.cidr_contains("10.0.0.0/8", "::ffff:10.1.2.3"), net.cidr_contains("::/0", "10.0.0.1"), net.cidr_contains("fe80::/10", "fe80:0:0:0:0:0:0:1")]"#)
        #expect(value == [true, false, true, true, true, false, true])
    }

    @Test func cidrContainsRejectsMalformedInput() throws {
        for (cidr, other) in [("10.0.0.0", "10.0.0.1"), ("10.0.0.0/33", "10.0.0.1"), ("10.0.0.0/8", "10.0.0"), ("2001:db8::/129", "::1"), ("1:2:3:4:5:6:7:8:9/64", "::1"), ("10.0.0.0/8", "010.0.0.1")] {
            #expect(try RegoTest.eval("x := net.cidr_contains(\"\(cidr)\", \"\(other)\")") == nil, "\(cidr) \(other)")
        }
    }
}
