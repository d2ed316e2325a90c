package dev.jworkers.cluster.rpc;

/** A failed call, as rpc.capnp's Exception carries it: a type and a reason. */
public class RpcException extends RuntimeException {
  /** rpc.capnp's Exception.Type, in schema order. */
  public enum Type { FAILED, OVERLOADED, DISCONNECTED, UNIMPLEMENTED }

  private final Type type;

  public RpcException(Type type, String reason) {
    super(reason);
    this.type = type;
  }

  public Type type() {
    return type;
  }

  static RpcException of(Throwable t) {
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RpcException e) {
      return e;
    }
    String reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return new RpcException(Type.FAILED, reason);
  }

  static RpcException disconnected(String why) {
    return new RpcException(Type.DISCONNECTED, why);
  }
}
