package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.api.HttpHead;
import dev.jworkers.cluster.api.Services;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A Responder that records the response head and collects the body. */
final class CollectingResponder extends Services.ResponderService {
  final CompletableFuture<HttpHead.Response> head = new CompletableFuture<>();
  final EchoNode.Collector body = new EchoNode.Collector();
  volatile int writes;

  @Override
  protected CompletionStage<Client> start(HttpHead.Response response) {
    head.complete(response);
    return CompletableFuture.completedFuture(Client.local(new Services.ByteStreamService() {
      @Override
      protected CompletionStage<?> write(byte[] bytes) {
        writes++;
        return body.write(bytes);
      }

      @Override
      protected CompletionStage<?> end() {
        return body.end();
      }
    }));
  }

  String bodyText() throws Exception {
    return new String(body.ended.get(5, java.util.concurrent.TimeUnit.SECONDS), StandardCharsets.UTF_8);
  }
}
