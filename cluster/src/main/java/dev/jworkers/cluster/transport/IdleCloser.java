package dev.jworkers.cluster.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes a peer connection after {@code idle} without a byte read or written, unless the channel's
 * {@link PeerConnections#MAY_CLOSE_WHEN_IDLE} says no; then it asks again after every further
 * idle period.
 */
final class IdleCloser extends IdleStateHandler {
  IdleCloser(Duration idle) {
    // observeOutput: a slow but progressing write is traffic, not idleness.
    super(true, 0, 0, idle.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
    if (event.state() != IdleState.ALL_IDLE) {
      return;
    }
    BooleanSupplier mayClose = ctx.channel().attr(PeerConnections.MAY_CLOSE_WHEN_IDLE).get();
    boolean close;
    try {
      close = mayClose == null || mayClose.getAsBoolean();
    } catch (RuntimeException e) {
      HandshakeHandler.LOG.log(Level.WARNING, "idle check of " + ctx.channel() + " failed; keeping it open", e);
      close = false;
    }
    if (close) {
      HandshakeHandler.LOG.log(Level.DEBUG, () -> "closing idle peer connection " + ctx.channel());
      ctx.close();
    }
  }
}
