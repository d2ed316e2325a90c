package dev.jworkers.cluster.rpc;

/**
 * A capability in the results of a question not yet answered: calls go to the peer addressed as
 * "the capability at this path of question N's results". Once the Return arrives it forwards
 * to the capability found there (through an embargo when that is one of ours).
 */
final class PipelineClient extends Client {
  final RpcConnection connection;
  final Question question;
  final int[] path;
  /** Touched on the connection's event loop only. */
  Client resolution;
  boolean sentCalls;
  private final java.util.concurrent.atomic.AtomicInteger refs = new java.util.concurrent.atomic.AtomicInteger(1);

  PipelineClient(RpcConnection connection, Question question, int[] path) {
    this.connection = connection;
    this.question = question;
    this.path = path;
  }

  @Override
  Pending deliver(OutCall call) {
    return connection.onLoop(call, () -> {
      if (resolution != null) {
        return resolution.deliver(call);
      }
      sentCalls = true;
      return connection.sendCall(call, t -> {
        var answer = t.initPromisedAnswer();
        answer.setQuestionId(question.id);
        answer.setPath(path);
      });
    });
  }

  @Override
  Client settled() {
    return resolution == null ? this : resolution.settled();
  }

  @Override
  public Client retain() {
    refs.incrementAndGet();
    return this;
  }

  @Override
  public void close() {
    if (refs.decrementAndGet() == 0) {
      connection.run(() -> {
        if (resolution != null) {
          resolution.close();
        }
      });
    }
  }
}
