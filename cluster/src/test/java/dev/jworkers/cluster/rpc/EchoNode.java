package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.api.CallResult;
import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.api.HttpHead;
import dev.jworkers.cluster.api.Services;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The echo node the interop tests agree on (the C++ peer implements the same): call returns
 * "method:args", "whoami" returns "ns/id/name", "throw" fails with "boom"; fetch echoes the
 * request body in two halves under 200 OK with x-method, x-url and x-echo-* headers.
 */
public class EchoNode extends Services.NodeService {
  @Override
  public CompletionStage<Client> getActor(String namespace, String id, String name) {
    return CompletableFuture.completedFuture(Client.local(new EchoActor(namespace, id, name)));
  }

  public static class EchoActor extends Services.ActorService {
    final String who;

    public EchoActor(String namespace, String id, String name) {
      this.who = namespace + "/" + id + "/" + name;
    }

    @Override
    public CompletionStage<CallResult> call(String method, byte[] args) {
      return switch (method) {
        case "throw" -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
        case "whoami" -> CompletableFuture.completedFuture(new CallResult(who.getBytes(StandardCharsets.UTF_8), false));
        default -> {
          byte[] prefix = (method + ":").getBytes(StandardCharsets.UTF_8);
          byte[] out = Arrays.copyOf(prefix, prefix.length + args.length);
          System.arraycopy(args, 0, out, prefix.length, args.length);
          yield CompletableFuture.completedFuture(new CallResult(out, false));
        }
      };
    }

    @Override
    protected CompletionStage<Client> fetch(HttpHead.Request request, Client responder) {
      Collector body = new Collector();
      body.ended.thenCompose(bytes -> {
        List<HttpHead.Header> headers = new ArrayList<>();
        headers.add(new HttpHead.Header("x-method", request.method()));
        headers.add(new HttpHead.Header("x-url", request.url()));
        for (HttpHead.Header h : request.headers()) {
          headers.add(new HttpHead.Header("x-echo-" + h.name(), h.value()));
        }
        Pending started = ClusterCalls.start(responder, new HttpHead.Response(200, "OK", headers));
        Client out = started.pipeline(0);
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        if (bytes.length > 0) {
          int half = bytes.length / 2;
          written = ClusterCalls.write(out, Arrays.copyOfRange(bytes, 0, half))
              .thenCompose(v -> ClusterCalls.write(out, Arrays.copyOfRange(bytes, half, bytes.length)));
        }
        return written.thenCompose(v -> ClusterCalls.end(out)).whenComplete((v, e) -> {
          out.close();
          responder.close();
          started.response().thenAccept(Response::close);
        });
      });
      return CompletableFuture.completedFuture(Client.local(body));
    }
  }

  /** A ByteStream that collects what is written and completes {@link #ended} on end(). */
  static final class Collector extends Services.ByteStreamService {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CompletableFuture<byte[]> ended = new CompletableFuture<>();

    @Override
    protected synchronized CompletionStage<?> write(byte[] chunk) {
      bytes.writeBytes(chunk);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    protected synchronized CompletionStage<?> end() {
      ended.complete(bytes.toByteArray());
      return CompletableFuture.completedFuture(null);
    }
  }
}
