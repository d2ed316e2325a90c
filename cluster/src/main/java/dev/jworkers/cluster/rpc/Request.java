package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.StructType;
import dev.jworkers.cluster.capnp.WireBuilder;
import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.ArrayList;
import java.util.List;
import org.capnproto.MessageBuilder;

/**
 * A call being prepared. The params are built in place inside the rpc message that will carry
 * them, so sending to a peer copies nothing.
 */
public final class Request {
  private final Client target;
  private final MessageBuilder message = new MessageBuilder(128);
  private final Rpc.Call.Builder call;
  private final Rpc.Payload.Builder params;
  private final List<Client> caps = new ArrayList<>(2);
  private boolean sent;

  Request(Client target, long interfaceId, int methodId) {
    this.target = target;
    this.call = message.initRoot(Rpc.Message.TYPE).initCall();
    call.setInterfaceId(interfaceId);
    call.setMethodId(methodId);
    this.params = call.initParams();
  }

  /** The params struct, initialized empty. */
  public <B extends WireBuilder> B params(StructType<B, ?> type) {
    return params.any(0).initAs(type);
  }

  /**
   * Adds a capability to the params' cap table and returns its index for a capability field.
   * The request borrows the reference: the caller still owns (and may close) it after sending.
   */
  public int cap(Client client) {
    caps.add(client);
    return caps.size() - 1;
  }

  public Pending send() {
    if (sent) {
      throw new IllegalStateException("a request is sent once");
    }
    sent = true;
    return target.deliver(new OutCall(message, call, caps));
  }
}
