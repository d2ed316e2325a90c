package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.transport.HandshakeKeys.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first thing on every node-to-node connection: proves to each side that the other holds the
 * private key of the node id it claims and knows the cluster's shared secret, before any RPC byte.
 *
 * <pre>
 * initiator -> responder : hello_i                      hello = "JWCL" | version 1 | X25519 public key (32) | random nonce (32)
 * responder -> initiator : hello_r | proof_r
 * initiator -> responder : proof_i                      (then RPC bytes)
 *
 * key     = HMAC-SHA256(cluster secret, "jworkers cluster handshake v1" | X25519(own private, peer public) | hello_i | hello_r)
 * proof_x = HMAC-SHA256(key, "jworkers initiator proof" or "jworkers responder proof" | hello_i | hello_r)
 * </pre>
 *
 * Only a holder of the cluster secret and of the private key behind the claimed public key gets
 * the same key; both nonces make every proof fresh, and the two labels keep a proof from being
 * reflected. Proofs are compared in constant time. The initiator names the node it meant to reach
 * and refuses a responder with another key before answering; the responder learns the initiator's
 * id from its hello. Neither side may send anything beyond the messages above until it has seen
 * the other's proof (the responder only answers a complete hello, so earlier extra bytes cannot be
 * a proof). Bad magic or version, extra bytes, a wrong id or proof, an invalid key, a close or a
 * timeout (default 5 s) fail the handshake: one log line, then the channel is closed.
 *
 * <p>On success the handler calls {@link ReadyCallback#onReady}, removes itself and passes bytes
 * that came after the initiator's proof to the handlers added there.
 *
 * <p>What it does NOT do: it does not encrypt or authenticate the bytes that follow, so anyone on
 * the path can read them, and an active attacker could inject or replace them after the
 * handshake. It is meant for a trusted network or a single machine (Unix sockets). It offers no
 * forward secrecy (the node keys are static), no revocation of a node key other than changing the
 * cluster secret, and no protection against a node that legitimately holds the secret.
 */
public final class HandshakeHandler extends ChannelInboundHandlerAdapter {
  static final System.Logger LOG = System.getLogger("dev.jworkers.cluster.transport");

  private final HandshakeConfig config;
  private final Role role;
  private final String expectedPeerId;
  private final ReadyCallback onReady;
  private final CompletableFuture<String> result = new CompletableFuture<>();

  private ByteBuf received;
  private boolean anyByteReceived;
  private byte[] ownHello;
  private byte[] peerHello;
  private byte[] sessionKey;
  private String peerId;
  private ScheduledFuture<?> timeout;
  /** Taken while connected: a closed channel no longer knows its addresses. */
  private String where = "unknown address";
  private boolean started;
  private boolean finished;

  private HandshakeHandler(HandshakeConfig config, Role role, String expectedPeerId, ReadyCallback onReady) {
    this.config = config;
    this.role = role;
    this.expectedPeerId = expectedPeerId;
    this.onReady = onReady;
  }

  /** The connecting side: the responder must be {@code expectedPeerNodeId}. */
  public static HandshakeHandler initiator(HandshakeConfig config, String expectedPeerNodeId, ReadyCallback onReady) {
    if (!NodeIdentity.isNodeId(expectedPeerNodeId)) {
      throw new IllegalArgumentException("not a node id: " + expectedPeerNodeId);
    }
    return new HandshakeHandler(config, Role.INITIATOR, expectedPeerNodeId.toLowerCase(Locale.ROOT), onReady);
  }

  /** The accepting side: any node that proves its key and the cluster secret is let in. */
  public static HandshakeHandler responder(HandshakeConfig config, ReadyCallback onReady) {
    return new HandshakeHandler(config, Role.RESPONDER, null, onReady);
  }

  /**
   * Completes on the event loop with the peer's node id once onReady has returned, or fails with a
   * {@link HandshakeException} (or onReady's exception).
   */
  public CompletableFuture<String> result() {
    return result;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    received = ctx.alloc().buffer(HandshakeKeys.HELLO_BYTES + HandshakeKeys.PROOF_BYTES);
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelTimeout();
    if (received != null) {
      received.release();
      received = null;
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    where = where(ctx.channel());
    long millis = config.timeout().toMillis();
    timeout = ctx.executor().schedule(
        () -> fail(ctx, Level.WARNING, "no complete handshake within " + millis + " ms"), millis, TimeUnit.MILLISECONDS);
    if (role == Role.INITIATOR) {
      ownHello = HandshakeKeys.hello(config.identity().publicKey());
      send(ctx, ownHello);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (finished || !(msg instanceof ByteBuf buf)) {
      ReferenceCountUtil.release(msg);
      if (!finished) {
        fail(ctx, Level.WARNING, "unexpected message " + msg.getClass().getName());
      }
      return;
    }
    anyByteReceived |= buf.isReadable();
    received.writeBytes(buf);
    buf.release();
    try {
      advance(ctx);
    } catch (GeneralSecurityException e) {
      fail(ctx, Level.WARNING, "key agreement failed (" + e.getMessage() + ")");
    }
  }

  /** Consumes whatever complete handshake messages have arrived. */
  private void advance(ChannelHandlerContext ctx) throws GeneralSecurityException {
    if (peerHello == null) {
      if (!helloPrefixValid(ctx) || received.readableBytes() < HandshakeKeys.HELLO_BYTES) {
        return;
      }
      peerHello = new byte[HandshakeKeys.HELLO_BYTES];
      received.readBytes(peerHello);
      byte[] peerKey = HandshakeKeys.publicKeyOf(peerHello);
      peerId = HexFormat.of().formatHex(peerKey);
      if (role == Role.INITIATOR && !peerId.equals(expectedPeerId)) {
        fail(ctx, Level.WARNING, "expected node " + shortId(expectedPeerId) + " but it is node " + shortId(peerId));
        return;
      }
      if (role == Role.RESPONDER) {
        if (received.isReadable()) {
          fail(ctx, Level.WARNING, "sent " + received.readableBytes() + " bytes after its hello before our reply");
          return;
        }
        ownHello = HandshakeKeys.hello(config.identity().publicKey());
      }
      sessionKey = HandshakeKeys.sessionKey(
          config.clusterSecret(), config.identity().agree(peerKey), helloOf(Role.INITIATOR), helloOf(Role.RESPONDER));
      if (role == Role.RESPONDER) {
        send(ctx, concat(ownHello, ownProof()));
      }
    }
    if (received.readableBytes() < HandshakeKeys.PROOF_BYTES) {
      return;
    }
    byte[] peerProof = new byte[HandshakeKeys.PROOF_BYTES];
    received.readBytes(peerProof);
    byte[] expected = HandshakeKeys.proof(sessionKey, role.peer(), helloOf(Role.INITIATOR), helloOf(Role.RESPONDER));
    if (!HandshakeKeys.proofMatches(expected, peerProof)) {
      fail(ctx, Level.WARNING, "wrong proof (another cluster secret, or no private key for node " + shortId(peerId) + ")");
      return;
    }
    if (role == Role.INITIATOR) {
      if (received.isReadable()) {
        fail(ctx, Level.WARNING, "sent " + received.readableBytes() + " bytes after its proof before ours");
        return;
      }
      // Flushed after onReady, so the RPC layer's first message can share the proof's packet.
      ctx.write(Unpooled.wrappedBuffer(ownProof())).addListener(f -> failOnWriteError(ctx, f));
    }
    succeed(ctx);
  }

  /** Checks magic and version as soon as they arrive, so a stranger is turned away at once. */
  private boolean helloPrefixValid(ChannelHandlerContext ctx) {
    int start = received.readerIndex();
    int magicSeen = Math.min(received.readableBytes(), HandshakeKeys.MAGIC.length);
    for (int i = 0; i < magicSeen; i++) {
      if (received.getByte(start + i) != HandshakeKeys.MAGIC[i]) {
        fail(ctx, Level.WARNING, "sent no cluster hello (bad magic)");
        return false;
      }
    }
    if (received.readableBytes() > HandshakeKeys.MAGIC.length) {
      byte version = received.getByte(start + HandshakeKeys.MAGIC.length);
      if (version != HandshakeKeys.VERSION) {
        fail(ctx, Level.WARNING, "speaks handshake version " + version + ", this node speaks " + HandshakeKeys.VERSION);
        return false;
      }
    }
    return true;
  }

  private byte[] helloOf(Role of) {
    return of == role ? ownHello : peerHello;
  }

  private byte[] ownProof() throws GeneralSecurityException {
    return HandshakeKeys.proof(sessionKey, role, helloOf(Role.INITIATOR), helloOf(Role.RESPONDER));
  }

  private void send(ChannelHandlerContext ctx, byte[] bytes) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(f -> failOnWriteError(ctx, f));
  }

  private void failOnWriteError(ChannelHandlerContext ctx, Future<?> write) {
    if (!write.isSuccess()) {
      fail(ctx, anyByteReceived ? Level.WARNING : Level.DEBUG, "could not send (" + write.cause() + ")");
    }
  }

  private void succeed(ChannelHandlerContext ctx) {
    finished = true;
    cancelTimeout();
    try {
      onReady.onReady(ctx.channel(), peerId);
    } catch (Throwable t) {
      LOG.log(Level.WARNING, describe() + ": onReady failed, closing", t);
      result.completeExceptionally(t);
      ctx.close();
      return;
    }
    ByteBuf rest = received;
    received = null;
    ctx.pipeline().remove(this);
    if (rest.isReadable()) {
      ctx.fireChannelRead(rest);
    } else {
      rest.release();
    }
    ctx.channel().flush();
    result.complete(peerId);
  }

  private void fail(ChannelHandlerContext ctx, Level level, String reason) {
    if (finished) {
      return;
    }
    finished = true;
    cancelTimeout();
    String line = describe() + " failed: " + reason;
    LOG.log(level, line);
    result.completeExceptionally(new HandshakeException(line));
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    // A liveness probe connects and closes without a byte: not worth a warning.
    boolean probe = role == Role.RESPONDER && !anyByteReceived;
    String hint = role == Role.RESPONDER && ownHello != null
        ? " (the peer may have refused this node's id or cluster secret)" : "";
    fail(ctx, probe ? Level.DEBUG : Level.WARNING, "the connection closed during the handshake" + hint);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (finished) {
      // Only after a failure (on success this handler is gone): already logged and closing.
      LOG.log(Level.DEBUG, () -> describe() + ": after the failure: " + cause);
      return;
    }
    boolean probe = role == Role.RESPONDER && !anyByteReceived;
    fail(ctx, probe ? Level.DEBUG : Level.WARNING, "connection error (" + cause + ")");
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  private String describe() {
    String who = peerId != null ? "node " + shortId(peerId)
        : expectedPeerId != null ? "node " + shortId(expectedPeerId) : "a peer";
    return "cluster handshake " + (role == Role.INITIATOR ? "to " : "from ") + who + " (" + where + ")";
  }

  private static String where(Channel channel) {
    for (SocketAddress address : new SocketAddress[] {channel.remoteAddress(), channel.localAddress()}) {
      if (address instanceof InetSocketAddress inet) {
        return "tcp " + inet.getHostString() + ":" + inet.getPort();
      }
      if (address instanceof UnixDomainSocketAddress unix && !unix.getPath().toString().isEmpty()) {
        return "unix " + unix.getPath();
      }
    }
    return "unknown address";
  }

  /** Enough of an id to tell nodes apart in a log line. */
  static String shortId(String id) {
    return id.substring(0, 16) + "…";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
