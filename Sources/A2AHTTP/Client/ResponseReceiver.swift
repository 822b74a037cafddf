import A2A
import NIOCore
import NIOHTTP1

/// Receives the response to the one request in flight on a connection.
///
/// Confined to the channel's event loop. The head completes `head`; body chunks go to `body`;
/// `end` finishes the body and reports whether the connection may carry another request.
final class ResponseReceiver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    struct Exchange {
        let head: EventLoopPromise<HTTPResponseHead>
        let body: AsyncThrowingStream<[UInt8], any Error>.Continuation
        let done: @Sendable (_ reusable: Bool) -> Void
    }

    private var exchange: Exchange?
    private var headReceived = false
    private var keepAlive = false
    private var isActive = true

    /// Starts waiting for a response. Fails `exchange` at once when the connection is closed.
    func expect(_ exchange: Exchange) {
        guard isActive else {
            exchange.head.fail(ChannelError.ioOnClosedChannel)
            exchange.body.finish(throwing: ChannelError.ioOnClosedChannel)
            exchange.done(false)
            return
        }
        self.exchange = exchange
        headReceived = false
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            headReceived = true
            keepAlive = head.isKeepAlive
            exchange.head.succeed(head)
        case .body(let buffer):
            exchange.body.yield(Array(buffer.readableBytesView))
        case .end:
            self.exchange = nil
            exchange.done(keepAlive)  // first: the connection is idle before the reader sees the end
            exchange.body.finish()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        fail(ChannelError.eof)
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error) {
        guard let exchange else { return }
        self.exchange = nil
        if !headReceived { exchange.head.fail(error) }
        exchange.body.finish(throwing: error)
        exchange.done(false)
    }
}
