import SPIFFEWorkloadAPI
import Testing

@Suite("WorkloadSelector parsing")
struct SelectorParsingTests {
    @Test("every supported form round-trips through its string form")
    func roundTrip() throws {
        let digest = String(repeating: "ab", count: 32)
        let cases: [(String, WorkloadSelector)] = [
            ("unix:uid:1000", .uid(1000)),
            ("unix:gid:0", .gid(0)),
            ("unix:path:/usr/bin/env", .path("/usr/bin/env")),
            ("unix:sha256:\(digest)", .sha256(digest)),
            ("hexr:pid:4242:987654", .process(pid: 4242, startTime: 987654)),
        ]
        for (text, expected) in cases {
            let parsed = try WorkloadSelector(parsing: text)
            #expect(parsed == expected)
            #expect(parsed.description == text)
        }
    }

    @Test("an uppercase digest is normalised to lowercase")
    func uppercaseDigest() throws {
        let selector = try WorkloadSelector(parsing: "unix:sha256:" + String(repeating: "AB", count: 32))
        #expect(selector == .sha256(String(repeating: "ab", count: 32)))
    }

    @Test(
        "malformed selectors are refused with the reason",
        arguments: [
            ("unix", "not of the form type:key:value"),
            ("k8s:ns:default", "unknown type"),
            ("unix:user:root", "unknown key"),
            ("unix:uid:-1", "decimal user ID"),
            ("unix:gid:abc", "decimal group ID"),
            ("unix:path:relative/exe", "absolute path"),
            ("unix:sha256:1234", "64 hexadecimal digits"),
            ("unix:sha256:" + String(repeating: "zz", count: 32), "64 hexadecimal digits"),
            ("hexr:pid:4242", "<pid>:<start time>"),
            ("hexr:pid:0:5", "<pid>:<start time>"),
            ("hexr:pid:12:x", "<pid>:<start time>"),
        ])
    func refused(text: String, reason: String) {
        #expect {
            try WorkloadSelector(parsing: text)
        } throws: { error in
            (error as? WorkloadSelectorError)?.description.contains(reason) == true
        }
    }
}
