package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.StructType;
import dev.jworkers.cluster.capnp.WireReader;
import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.List;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;

/**
 * The results of a call: a struct (or capability) plus the capabilities it points to. The
 * response holds one reference to each; {@link #close()} drops them, so take the ones you keep
 * with {@link #cap(int)} (which adds a reference) before closing.
 */
public final class Response implements AutoCloseable {
  /** The rpc message holding a Return with these results. */
  final MessageBuilder built;
  final MessageReader received;
  final Rpc.Payload.Reader results;
  final List<Client> caps;
  private boolean closed;

  Response(MessageBuilder built, MessageReader received, Rpc.Payload.Reader results, List<Client> caps) {
    this.built = built;
    this.received = received;
    this.results = results;
    this.caps = caps;
  }

  public <R extends WireReader> R content(StructType<?, R> type) {
    return results.any(0).getAs(type);
  }

  /** The capability at cap table index {@code index}, with a reference of its own. */
  public Client cap(int index) {
    if (index < 0 || index >= caps.size()) {
      return new BrokenClient(new RpcException(RpcException.Type.FAILED, "no capability at index " + index));
    }
    return caps.get(index).retain();
  }

  /** The capability at a pointer path (not retained: valid while the response is open). */
  Client capAt(int[] path) {
    return Payloads.capAt(results, caps, path);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      for (Client c : caps) {
        c.close();
      }
    }
  }
}
