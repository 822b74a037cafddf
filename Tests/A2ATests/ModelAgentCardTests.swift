import Foundation
import Testing

@testable import A2A

@Suite struct ModelAgentCardTests {
    /// §5.4 / §12.6: the v1.0-only card served by a2a-sdk 1.3.0, verbatim.
    static let v1Card = #"""
        {"name":"Echo Agent v1","description":"Echoes input","supportedInterfaces":[{"url":"http://127.0.0.1:9998/","protocolBinding":"JSONRPC","protocolVersion":"1.0"},{"url":"http://127.0.0.1:9998/rest","protocolBinding":"HTTP+JSON","protocolVersion":"1.0"}],"version":"0.1.0","capabilities":{"streaming":true,"pushNotifications":false},"defaultInputModes":["text/plain"],"defaultOutputModes":["text/plain"],"skills":[{"id":"echo","name":"Echo","description":"Echo back","tags":["echo"]}]}
        """#

    /// §5.4: the mTLS-protected card, pretty-printed by `json.tool`, verbatim.
    static let mtlsCard = #"""
        {
            "name": "Echo Agent (mTLS)",
            "description": "Echoes input",
            "supportedInterfaces": [
                {
                    "url": "https://localhost:9443/a2a/jsonrpc",
                    "protocolBinding": "JSONRPC",
                    "protocolVersion": "1.0"
                }
            ],
            "version": "0.1.0",
            "capabilities": {
                "streaming": true
            },
            "securitySchemes": {
                "mtls": {
                    "mtlsSecurityScheme": {
                        "description": "SPIFFE X.509-SVID"
                    }
                }
            },
            "securityRequirements": [
                {
                    "schemes": {
                        "mtls": {}
                    }
                }
            ],
            "defaultInputModes": [
                "text/plain"
            ],
            "defaultOutputModes": [
                "text/plain"
            ],
            "skills": [
                {
                    "id": "echo",
                    "name": "Echo",
                    "description": "Echo back",
                    "tags": [
                        "echo"
                    ]
                }
            ]
        }
        """#

    /// §5.4: the merged v1.0 + v0.3 card, verbatim.
    static let mergedCard = #"""
        {"name":"Echo Agent","description":"Echoes input","supportedInterfaces":[{"url":"http://127.0.0.1:9999/a2a/jsonrpc","protocolBinding":"JSONRPC","protocolVersion":"1.0"},{"url":"http://127.0.0.1:9999/a2a/rest","protocolBinding":"HTTP+JSON","protocolVersion":"1.0"},{"url":"http://127.0.0.1:9999/a2a/jsonrpc","protocolBinding":"JSONRPC","protocolVersion":"0.3"}],"version":"0.1.0","capabilities":{"streaming":true,"pushNotifications":false,"extensions":[{"uri":"https://example.com/ext/demo/v1","description":"demo","required":false}]},"securitySchemes":{"mtls":{"mtlsSecurityScheme":{"description":"client cert"},"description":"client cert","type":"mutualTLS"}},"defaultInputModes":["text/plain"],"defaultOutputModes":["text/plain"],"skills":[{"id":"echo","name":"Echo","description":"Echo back","tags":["echo"],"examples":["hi"]}],"preferredTransport":"JSONRPC","protocolVersion":"0.3","url":"http://127.0.0.1:9999/a2a/jsonrpc"}
        """#

    @Test func bindingConstantsMatchTheSpec() {
        #expect(AgentInterface.Binding.jsonRPC == "JSONRPC")
        #expect(AgentInterface.Binding.httpJSON == "HTTP+JSON")
        #expect(AgentInterface.Binding.grpc == "GRPC")
    }

    @Test func decodesTheV1CardAndReencodesTheSameJSON() throws {
        let card = try Wire.decode(AgentCard.self, Self.v1Card)
        #expect(card.name == "Echo Agent v1")
        #expect(card.supportedInterfaces.map(\.protocolBinding) == [AgentInterface.Binding.jsonRPC, "HTTP+JSON"])
        #expect(card.supportedInterfaces.first?.url == "http://127.0.0.1:9998/")
        #expect(card.capabilities.streaming == true)
        #expect(card.capabilities.pushNotifications == false)
        #expect(card.capabilities.extendedAgentCard == nil)
        #expect(card.skills.first?.tags == ["echo"])
        #expect(try Wire.tree(card) == Wire.decode(JSONValue.self, Self.v1Card))
    }

    @Test func decodesTheMTLSCardWithAnEmptyScopeList() throws {
        let card = try Wire.decode(AgentCard.self, Self.mtlsCard)
        #expect(card.securitySchemes["mtls"] == .mtls(MutualTlsSecurityScheme(description: "SPIFFE X.509-SVID")))
        #expect(card.securityRequirements == [SecurityRequirement(schemes: ["mtls": []])])
        // Re-encoding yields the same JSON, including the `{}` for the empty StringList.
        #expect(try Wire.tree(card) == Wire.decode(JSONValue.self, Self.mtlsCard))
    }

    @Test func decodesTheMergedCardIgnoringV03Fields() throws {
        let card = try Wire.decode(AgentCard.self, Self.mergedCard)
        #expect(card.supportedInterfaces.count == 3)
        #expect(card.supportedInterfaces.last?.protocolVersion == "0.3")
        #expect(card.securitySchemes["mtls"] == .mtls(MutualTlsSecurityScheme(description: "client cert")))
        #expect(card.capabilities.extensions == [AgentExtension(uri: "https://example.com/ext/demo/v1", description: "demo")])
        #expect(card.skills.first?.examples == ["hi"])
        let tree = try Wire.tree(card)
        #expect(tree["preferredTransport"] == nil)
        #expect(tree["url"] == nil)
    }

    @Test func fullCardRoundTripsWithEverySchemeAndFlow() throws {
        let card = AgentCard(
            name: "Full", description: "Every field",
            supportedInterfaces: [
                AgentInterface(url: "https://a/rpc", protocolBinding: AgentInterface.Binding.jsonRPC, tenant: "t1"),
                AgentInterface(url: "a:443", protocolBinding: AgentInterface.Binding.grpc, protocolVersion: "1.0"),
            ],
            provider: AgentProvider(url: "https://example.com", organization: "Example"),
            version: "2.0.0", documentationUrl: "https://docs",
            capabilities: AgentCapabilities(
                streaming: true, pushNotifications: true,
                extensions: [AgentExtension(uri: "urn:e", description: "d", required: true, params: ["p": [1, 2]])],
                extendedAgentCard: true),
            securitySchemes: [
                "key": .apiKey(APIKeySecurityScheme(description: "k", location: "header", name: "X-Key")),
                "bearer": .httpAuth(HTTPAuthSecurityScheme(description: "b", scheme: "Bearer", bearerFormat: "JWT")),
                "code": .oauth2(
                    OAuth2SecurityScheme(
                        description: "o",
                        flows: .authorizationCode(
                            AuthorizationCodeOAuthFlow(
                                authorizationUrl: "https://auth", tokenUrl: "https://token", refreshUrl: "https://r",
                                scopes: ["read": "Read"], pkceRequired: true)),
                        oauth2MetadataUrl: "https://meta")),
                "client": .oauth2(
                    OAuth2SecurityScheme(
                        flows: .clientCredentials(ClientCredentialsOAuthFlow(tokenUrl: "https://token", scopes: [:])))),
                "implicit": .oauth2(
                    OAuth2SecurityScheme(
                        flows: .implicit(ImplicitOAuthFlow(authorizationUrl: "https://auth", scopes: ["a": "b"])))),
                "password": .oauth2(
                    OAuth2SecurityScheme(
                        flows: .password(PasswordOAuthFlow(tokenUrl: "https://token", refreshUrl: "https://r")))),
                "device": .oauth2(
                    OAuth2SecurityScheme(
                        flows: .deviceCode(
                            DeviceCodeOAuthFlow(
                                deviceAuthorizationUrl: "https://device", tokenUrl: "https://token",
                                scopes: ["s": "S"])))),
                "oidc": .openIdConnect(
                    OpenIdConnectSecurityScheme(description: "i", openIdConnectUrl: "https://oidc/.well-known")),
                "mtls": .mtls(MutualTlsSecurityScheme()),
            ],
            securityRequirements: [
                SecurityRequirement(schemes: ["mtls": [], "code": ["read", "write"]]),
                SecurityRequirement(schemes: [:]),
            ],
            defaultInputModes: ["text/plain"], defaultOutputModes: ["application/json"],
            skills: [
                AgentSkill(
                    id: "s", name: "Skill", description: "Does", tags: ["t"], examples: ["e"],
                    inputModes: ["text/plain"], outputModes: ["image/png"],
                    securityRequirements: [SecurityRequirement(schemes: ["bearer": []])])
            ],
            signatures: [AgentCardSignature(protected: "eyJhbGciOiJFUzI1NiJ9", signature: "c2ln", header: ["kid": "k1"])],
            iconUrl: "https://icon")
        #expect(try Wire.roundTrip(card) == card)
        let tree = try Wire.tree(card)
        #expect(tree["securitySchemes"]?["mtls"] == ["mtlsSecurityScheme": [:]])
        #expect(tree["securitySchemes"]?["key"]?["apiKeySecurityScheme"]?["location"] == "header")
        #expect(tree["securitySchemes"]?["code"]?["oauth2SecurityScheme"]?["flows"]?["authorizationCode"]?["pkceRequired"] == true)
        #expect(tree["securityRequirements"]?[0]?["schemes"]?["code"] == ["list": ["read", "write"]])
        #expect(tree["securityRequirements"]?[1] == [:])
        #expect(tree["capabilities"]?["extensions"]?[0]?["required"] == true)
    }

    @Test func securitySchemeMustHaveExactlyOneMember() {
        let none = Wire.failure(SecurityScheme.self, #"{"type":"mutualTLS"}"#)
        #expect(none?.problem.hasSuffix("(found none)") == true)
        let two = Wire.failure(SecurityScheme.self, #"{"mtlsSecurityScheme":{},"httpAuthSecurityScheme":{"scheme":"Bearer"}}"#)
        #expect(two?.problem.hasSuffix("(found httpAuthSecurityScheme and mtlsSecurityScheme)") == true)
        #expect(Wire.failure(OAuthFlows.self, "{}")?.problem.hasSuffix("(found none)") == true)
    }

    @Test func requiredCardFieldsAreNamed() {
        #expect(Wire.failure(AgentCard.self, #"{"description":"d","version":"1","capabilities":{}}"#)?.field == "name")
        #expect(Wire.failure(AgentCard.self, #"{"name":"n","description":"d","version":"1"}"#)?.field == "capabilities")
        #expect(
            Wire.failure(AgentCard.self, #"{"name":"n","description":"d","version":"1","capabilities":{},"supportedInterfaces":[{"url":"u","protocolVersion":"1.0"}]}"#)?
                .field == "supportedInterfaces[0].protocolBinding")
        #expect(
            Wire.failure(AgentCard.self, #"{"name":"n","description":"d","version":"1","capabilities":{},"securitySchemes":{"k":{"apiKeySecurityScheme":{"name":"X"}}}}"#)?
                .field == "securitySchemes.k.apiKeySecurityScheme.location")
        #expect(
            Wire.failure(AuthorizationCodeOAuthFlow.self, #"{"authorizationUrl":"a","scopes":{}}"#)?.field == "tokenUrl")
        #expect(Wire.failure(DeviceCodeOAuthFlow.self, #"{"tokenUrl":"t"}"#)?.field == "deviceAuthorizationUrl")
        #expect(Wire.failure(AgentSkill.self, #"{"id":"s","name":"n"}"#)?.field == "description")
        #expect(Wire.failure(AgentCardSignature.self, #"{"protected":"p"}"#)?.field == "signature")
        #expect(Wire.failure(AgentProvider.self, #"{"url":"u"}"#)?.field == "organization")
    }

    @Test func minimalCardDecodesWithEmptyLists() throws {
        let card = try Wire.decode(AgentCard.self, #"{"name":"n","description":"d","version":"1","capabilities":{}}"#)
        #expect(card.skills.isEmpty)
        #expect(card.supportedInterfaces.isEmpty)
        #expect(card.securitySchemes.isEmpty)
        // Required lists are emitted even when empty, as in the spec's signing example.
        #expect(try Wire.tree(card)["skills"] == [])
    }
}
