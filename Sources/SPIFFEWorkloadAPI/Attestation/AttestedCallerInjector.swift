import NIOCore
import NIOHTTP2

/// First handler of each RPC stream: strips every client-sent `headerName` field from HEADERS frames and adds
/// the attested caller to the first one. See ``PeerAttestation``.
final class AttestedCallerInjector: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame.FramePayload
    typealias InboundOut = HTTP2Frame.FramePayload

    private let headerName: String
    private var value: String?

    /// `value` is the encoded caller, or `nil` when the connection could not be attested (the service then
    /// refuses the RPC because the header is absent).
    init(headerName: String, value: String?) {
        self.headerName = headerName
        self.value = value
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var payload = unwrapInboundIn(data)
        if case .headers(var headers) = payload {
            headers.headers.remove(name: headerName)
            if let value {
                headers.headers.add(name: headerName, value: value)
                self.value = nil
            }
            payload = .headers(headers)
        }
        context.fireChannelRead(wrapInboundOut(payload))
    }
}
