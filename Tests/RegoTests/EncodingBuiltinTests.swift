import Testing

@testable import Rego

@Suite struct EncodingBuiltinTests {
    private func value(_ expression: String) throws -> RegoValue? {
        try RegoTest.eval("x := " + expression)
    }

    @Test func base64AndBase64URL() throws {
        #expect(try value(#"[base64.encode("hello?"), base64.decode("aGVsbG8/"), base64url.encode("hello?"), base64url.encode_no_pad("hi")]"#) == ["aGVsbG8/", "hello?", "aGVsbG8_", "aGk"])
        #expect(try value(#"[base64url.decode("eyJhbGciOiJIUzI1NiJ9"), base64url.decode("aGk="), base64url.decode("aGk")]"#) == [#"{"alg":"HS256"}"#, "hi", "hi"])
        #expect(try value(#"base64url.decode("***")"#) == nil)
        #expect(try value(#"base64url.decode("a")"#) == nil)
        #expect(try value(#"base64.decode("aGk")"#) == nil)
        #expect(try value(#"[base64.is_valid("aGk="), base64.is_valid("aGk")]"#) == [true, false])
    }

    @Test func hex() throws {
        #expect(try value(#"[hex.encode("hi"), hex.decode("6869")]"#) == ["6869", "hi"])
        #expect(try value(#"hex.decode("6")"#) == nil)
    }

    @Test func jsonUnmarshalAndMarshal() throws {
        #expect(try value(#"json.unmarshal("{\"a\": [1, 2.5, true, null, \"s\"]}")"#) == ["a": [1, 2.5, true, .null, "s"]])
        #expect(try value(#"json.unmarshal("{bad")"#) == nil)
        #expect(try value(#"json.marshal({"b": [1, "x"], "a": {"c": null}, "s": {2, 1}})"#) == #"{"a":{"c":null},"b":[1,"x"],"s":[1,2]}"#)
        #expect(try value(#"json.marshal("<&>")"#) == #""\u003c\u0026\u003e""#)
        #expect(try value(#"[json.is_valid("[1]"), json.is_valid("[1")]"#) == [true, false])
    }

    @Test func jwtDecode() throws {
        let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        let decoded = try #require(try value("io.jwt.decode(\"\(token)\")"))
        #expect(decoded == [
            ["alg": "HS256", "typ": "JWT"],
            ["sub": "1234567890", "name": "John Doe", "iat": 1_516_239_022],
            "49f94ac7044948c78a285d904f87f0a4c7897f7e8f3a4eb2255fda750b2cc397",
        ])
        #expect(try value(#"io.jwt.decode("not.a.jwt.token")"#) == nil)
        #expect(try value(#"io.jwt.decode("e30.W10.")"#) == nil)
    }
}
