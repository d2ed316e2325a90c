package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A capability in the results of a question not yet answered: calls go to the peer addressed as
 * "the capability at this path of question N's results". Once the Return arrives it forwards
 * to the capability found there (through an embargo when that is one of ours).
 */
final class PipelineClient extends PeerClient {
  final Question question;
  final int[] path;
  private final AtomicInteger refs = new AtomicInteger(1);

  PipelineClient(RpcConnection connection, Question question, int[] path) {
    super(connection);
    this.question = question;
    this.path = path;
  }

  @Override
  void writeTarget(Rpc.MessageTarget.Builder target) {
    Rpc.PromisedAnswer.Builder answer = target.initPromisedAnswer();
    answer.setQuestionId(question.id);
    answer.setPath(path);
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
