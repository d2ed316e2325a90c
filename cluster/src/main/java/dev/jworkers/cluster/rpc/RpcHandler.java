package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.Framing;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.AttributeKey;
import org.capnproto.MessageReader;

/** Feeds a channel's framed messages to its {@link RpcConnection} and reports its end. */
public final class RpcHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(RpcHandler.class.getName());
  public static final AttributeKey<RpcConnection> CONNECTION = AttributeKey.valueOf("jworkers.rpc");

  private final RpcConnection connection;

  private RpcHandler(RpcConnection connection) {
    this.connection = connection;
  }

  /**
   * Makes {@code channel} an RPC connection offering {@code bootstrap} (null for none) to the
   * peer. Call on the channel's event loop, or before it is registered.
   */
  public static RpcConnection install(Channel channel, Client bootstrap) {
    RpcConnection connection = new RpcConnection(channel, bootstrap);
    channel.attr(CONNECTION).set(connection);
    channel.pipeline()
        .addLast("rpc-flush", new FlushConsolidationHandler(256, true))
        .addLast("capnp-framing", new Framing.Decoder())
        .addLast("rpc", new RpcHandler(connection));
    return connection;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    connection.handle((MessageReader) msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connection.disconnected(RpcException.disconnected("the connection to the peer was closed"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A peer going away mid-write (reset, broken pipe) is routine; anything else is worth a line.
    LOG.log(cause instanceof java.io.IOException ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
        "rpc connection to " + ctx.channel().remoteAddress() + " failed: " + cause);
    connection.abort(cause.getMessage() == null ? cause.toString() : cause.getMessage());
  }
}
