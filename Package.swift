// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "hexr",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "A2A", targets: ["A2A"]),
        .library(name: "A2AHTTP", targets: ["A2AHTTP"]),
        .library(name: "A2ASQLite", targets: ["A2ASQLite"]),
        .library(name: "SPIFFE", targets: ["SPIFFE"]),
        .library(name: "SPIFFEWorkloadAPI", targets: ["SPIFFEWorkloadAPI"]),
        .library(name: "HexrTransport", targets: ["HexrTransport"]),
        .library(name: "Rego", targets: ["Rego"]),
        .library(name: "HexrPolicy", targets: ["HexrPolicy"]),
        .library(name: "Hexr", targets: ["Hexr"]),
        .library(name: "HexrControlPlane", targets: ["HexrControlPlane"]),
        .library(name: "HexrLLM", targets: ["HexrLLM"]),
        .executable(name: "hexr", targets: ["hexr"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.3.0"),
        .package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        // A2A v1.0: data model (ProtoJSON Codable), JSON-RPC and REST codecs, errors, SSE framing,
        // the task engine and the transport-agnostic request handler (traced with swift-distributed-tracing).
        .target(
            name: "A2A",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP/1.1 binding: a Hummingbird server and a small NIO client with a keep-alive pool.
        .target(
            name: "A2AHTTP",
            dependencies: [
                "A2A",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Durable task store on SQLite (GRDB).
        .target(
            name: "A2ASQLite",
            dependencies: ["A2A", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // SPIFFE IDs, X.509-SVIDs, trust bundles, JWT-SVIDs and the signing authority. No I/O.
        .target(
            name: "SPIFFE",
            dependencies: [
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        // The SPIFFE Workload API (gRPC over a unix socket): server with peer attestation, client,
        // X509Source. Generated code in Generated/ is committed; Proto/ holds its source.
        .target(
            name: "SPIFFEWorkloadAPI",
            dependencies: [
                "SPIFFE",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Proto"],
            swiftSettings: swiftSettings
        ),
        // SPIFFE mTLS for A2A: the server TLS layer, the client security, peer identities.
        .target(
            name: "HexrTransport",
            dependencies: [
                "A2A", "A2AHTTP", "SPIFFE",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // An embedded Rego (v1 syntax) parser and evaluator. No dependencies.
        .target(name: "Rego", swiftSettings: swiftSettings),
        // Authorization: the input document, embedded (Rego) and OPA backends, decision log, shadow mode.
        .target(
            name: "HexrPolicy",
            dependencies: [
                "Rego", "SPIFFE",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The SDK users import; wires identity, transport, policy, discovery and tracing together.
        .target(
            name: "Hexr",
            dependencies: [
                "A2A", "A2AHTTP", "A2ASQLite", "HexrTransport", "HexrPolicy", "SPIFFE", "SPIFFEWorkloadAPI",
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The control plane: the agent registry, `hexr up` (control plane + supervisor), the OTLP span sink.
        .target(
            name: "HexrControlPlane",
            dependencies: [
                "A2A", "A2AHTTP", "SPIFFE", "HexrPolicy", "HexrTransport", "HexrTraceStore", "Hexr",
                "SPIFFEWorkloadAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Spans kept by the control plane: OTLP/HTTP decoding (generated from opentelemetry-proto,
        // committed), a SQLite store and the terminal waterfall of `hexr trace`.
        .target(
            name: "HexrTraceStore",
            dependencies: [
                "A2A",  // its JSON writer, for the store's rows
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Examples/hello: the smallest run (`swift run hexr up Examples/hello`).
        .executableTarget(
            name: "hello-responder", dependencies: ["Hexr"], path: "Examples/hello/Sources/hello-responder",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hello-caller", dependencies: ["Hexr"], path: "Examples/hello/Sources/hello-caller",
            swiftSettings: swiftSettings
        ),
        // Examples/fan-out: coordinator → 3 research-analyst replicas in parallel, LLM synthesis.
        .executableTarget(
            name: "research-analyst", dependencies: ["Hexr", "HexrLLM"],
            path: "Examples/fan-out/Sources/research-analyst", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fanout-coordinator", dependencies: ["Hexr", "HexrLLM"],
            path: "Examples/fan-out/Sources/fanout-coordinator", swiftSettings: swiftSettings
        ),
        // Examples/pipeline: editor → researcher → writer → reviewer.
        .target(
            name: "PipelineStage", dependencies: ["Hexr"], path: "Examples/pipeline/Sources/PipelineStage",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pipeline-editor", dependencies: ["Hexr"], path: "Examples/pipeline/Sources/pipeline-editor",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pipeline-researcher", dependencies: ["Hexr", "HexrLLM", "PipelineStage"],
            path: "Examples/pipeline/Sources/pipeline-researcher", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pipeline-writer", dependencies: ["Hexr", "HexrLLM", "PipelineStage"],
            path: "Examples/pipeline/Sources/pipeline-writer", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pipeline-reviewer", dependencies: ["Hexr", "HexrLLM", "PipelineStage"],
            path: "Examples/pipeline/Sources/pipeline-reviewer", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hexr",
            dependencies: [
                "A2A", "A2AHTTP", "A2ASQLite", "SPIFFE", "SPIFFEWorkloadAPI", "HexrTransport", "HexrPolicy", "Rego",
                "HexrTraceStore", "Hexr", "HexrControlPlane",
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "A2ATests", dependencies: ["A2A"], swiftSettings: swiftSettings),
        // Agents the end-to-end tests of `hexr up` launch (Tests/Fixtures/e2e, Tests/Fixtures/traced).
        .executableTarget(
            name: "hexr-test-probe",
            dependencies: ["Hexr", "A2A", "A2AHTTP", "HexrTransport", "SPIFFE", .product(name: "Logging", package: "swift-log"),
                           .product(name: "Tracing", package: "swift-distributed-tracing")],
            path: "Tests/Agents/probe", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hexr-test-impostor",
            dependencies: ["Hexr", "A2A", "HexrTransport", "SPIFFE", "SPIFFEWorkloadAPI",
                           .product(name: "Logging", package: "swift-log")],
            path: "Tests/Agents/impostor", swiftSettings: swiftSettings
        ),
        // Shared by the test targets: the interop echo agent and child-process handling.
        .target(
            name: "HexrTestSupport",
            dependencies: [
                "A2A", "A2AHTTP", "SPIFFE",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "A2AHTTPTests",
            dependencies: [
                "A2A", "A2AHTTP", "A2ASQLite", "HexrTestSupport",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SPIFFETests",
            dependencies: [
                "SPIFFE",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HexrTransportTests",
            dependencies: [
                "HexrTransport", "A2A", "A2AHTTP", "SPIFFE", "SPIFFEWorkloadAPI", "Hexr", "HexrTestSupport",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SPIFFEWorkloadAPITests",
            dependencies: [
                "SPIFFE", "SPIFFEWorkloadAPI", "HexrTestSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HexrCLITests",
            dependencies: [
                "SPIFFE", "SPIFFEWorkloadAPI", "HexrTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HexrPolicyTests",
            dependencies: [
                "HexrPolicy", "Rego", "SPIFFE", "HexrTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HexrControlPlaneTests",
            dependencies: [
                "HexrControlPlane", "HexrPolicy", "A2A", "SPIFFE", "Rego", "Hexr", "HexrTransport", "HexrTestSupport",
                "SPIFFEWorkloadAPI",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RegoTests", dependencies: ["Rego"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HexrTraceStoreTests",
            dependencies: ["HexrTraceStore", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            swiftSettings: swiftSettings
        ),
        // LLM completions for agents (`hexrLLM`): OpenAI, Anthropic and an offline local model,
        // with timeouts, retries and a span per call.
        .target(
            name: "HexrLLM",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HexrLLMTests",
            dependencies: [
                "HexrLLM", "HexrTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HexrTests",
            dependencies: [
                "Hexr", "HexrPolicy", "HexrTransport", "A2A", "A2AHTTP", "SPIFFE", "HexrTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
