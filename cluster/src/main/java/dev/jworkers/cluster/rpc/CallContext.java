package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.StructType;
import dev.jworkers.cluster.capnp.WireBuilder;
import dev.jworkers.cluster.capnp.WireReader;
import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.ArrayList;
import java.util.List;
import org.capnproto.MessageBuilder;

/**
 * One call as its server sees it: the params with their capabilities, and the results to fill.
 * The results are built in an rpc Return message, so answering a peer copies nothing.
 */
public final class CallContext {
  private final Rpc.Payload.Reader params;
  private final List<Client> paramCaps;
  private MessageBuilder message;
  private Rpc.Payload.Builder results;
  private final List<Client> resultCaps = new ArrayList<>(2);

  CallContext(Rpc.Payload.Reader params, List<Client> paramCaps) {
    this.params = params;
    this.paramCaps = paramCaps;
  }

  public <R extends WireReader> R params(StructType<?, R> type) {
    return params.any(0).getAs(type);
  }

  /** The capability at params cap table index {@code index}, with a reference the server owns. */
  public Client paramCap(int index) {
    if (index < 0 || index >= paramCaps.size()) {
      return new BrokenClient(new RpcException(RpcException.Type.FAILED, "no capability at index " + index));
    }
    return paramCaps.get(index).retain();
  }

  /** The results struct, initialized empty. */
  public <B extends WireBuilder> B results(StructType<B, ?> type) {
    return payload().any(0).initAs(type);
  }

  /** Adds a capability to the results' cap table; the results take over the reference. */
  public int resultCap(Client client) {
    resultCaps.add(client);
    return resultCaps.size() - 1;
  }

  /** Results whose content is a capability itself (as a bootstrap answer's is). */
  public void resultsAreCap(Client client) {
    payload().setCap(0, resultCap(client));
  }

  private Rpc.Payload.Builder payload() {
    if (results == null) {
      message = new MessageBuilder(64);
      results = message.initRoot(Rpc.Message.TYPE).initReturn().initResults();
    }
    return results;
  }

  Response response() {
    payload();
    return new Response(message, null, results.asWireReader().as(Rpc.Payload.Reader::new), resultCaps);
  }
}
