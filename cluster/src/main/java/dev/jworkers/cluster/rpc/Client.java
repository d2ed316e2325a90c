package dev.jworkers.cluster.rpc;

/**
 * A reference to a capability: local (a {@link Server}), imported from a peer, a promise that
 * will resolve to one, or broken. References are counted: {@link #retain()} adds one,
 * {@link #close()} drops one; an imported capability is released to its peer when its last
 * reference is dropped (or when the connection ends).
 */
public abstract class Client implements AutoCloseable {
  /** A new call to method {@code methodId} of interface {@code interfaceId}; fill its params and send it. */
  public final Request newCall(long interfaceId, int methodId) {
    return new Request(this, interfaceId, methodId);
  }

  /** Delivers a call; the caller gives up the message. */
  abstract Pending deliver(OutCall call);

  /** Another reference to the same capability. */
  public Client retain() {
    return this;
  }

  @Override
  public void close() {}

  /** What a settled promise points to; the capability itself otherwise. */
  Client settled() {
    return this;
  }

  /** A capability served in this process by {@code server}. */
  public static Client local(Server server) {
    return new LocalClient(server);
  }

  /** A capability whose every call fails with {@code error}. */
  public static Client broken(RpcException error) {
    return new BrokenClient(error);
  }
}
