package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.WireReader;
import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.List;

/** Finding the capability at a pointer path of a payload (promise pipelining's transform). */
final class Payloads {
  private Payloads() {}

  /** The cap table index at {@code path}, or -1 for a null pointer. */
  static int capIndexAt(Rpc.Payload.Reader payload, int[] path) {
    if (path.length == 0) {
      return payload.capIndex(0);
    }
    WireReader s = payload.struct(0);
    for (int i = 0; i < path.length - 1; i++) {
      s = s.struct(path[i]);
    }
    return s.capIndex(path[path.length - 1]);
  }

  /** The capability at {@code path} (not retained), or a broken one saying why there is none. */
  static Client capAt(Rpc.Payload.Reader payload, List<Client> caps, int[] path) {
    int index;
    try {
      index = capIndexAt(payload, path);
    } catch (RuntimeException e) {
      return new BrokenClient(new RpcException(RpcException.Type.FAILED, "pipelined path " + java.util.Arrays.toString(path) + ": " + e.getMessage()));
    }
    if (index < 0) {
      return new BrokenClient(new RpcException(RpcException.Type.FAILED, "called a null capability"));
    }
    if (index >= caps.size()) {
      return new BrokenClient(new RpcException(RpcException.Type.FAILED, "capability index " + index + " is not in the cap table"));
    }
    return caps.get(index);
  }
}
