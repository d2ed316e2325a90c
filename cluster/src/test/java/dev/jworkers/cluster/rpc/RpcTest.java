package dev.jworkers.cluster.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.api.CallResult;
import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.api.HttpHead;
import dev.jworkers.cluster.rpc.wire.Rpc;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.capnproto.MessageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java to Java Cap'n Proto RPC over real sockets. */
class RpcTest {
  static final String ID = "0".repeat(63) + "1";
  @TempDir Path dir;
  final RpcTestNet net = new RpcTestNet();

  @AfterEach
  void stop() {
    net.close();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(CallResult r) {
    return new String(r.value(), StandardCharsets.UTF_8);
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  @Test
  void callsReachTheBootstrapNodeOverTcp() throws Exception {
    net.listen(null, () -> Client.local(new EchoNode()));
    Client node = net.connect(null).bootstrap();
    Pending got = ClusterCalls.getActor(node, "ns1", ID, "name1");
    Response actorResponse = await(got.response());
    Client actor = actorResponse.cap(0);
    assertEquals("greet:hello", text(await(ClusterCalls.call(actor, "greet", utf8("hello")))));
    assertEquals("ns1/" + ID + "/name1", text(await(ClusterCalls.call(actor, "whoami", new byte[0]))));
  }

  @Test
  void callsReachTheBootstrapNodeOverAUnixSocket() throws Exception {
    net.listen(dir.resolve("node.sock"), () -> Client.local(new EchoNode()));
    Client actor = ClusterCalls.getActor(net.connect(null).bootstrap(), "ns", ID, "").pipeline(0);
    assertEquals("a:b", text(await(ClusterCalls.call(actor, "a", utf8("b")))));
  }

  @Test
  void pipelinedCallsTravelBeforeTheFirstAnswer() throws Exception {
    // The node answers getActor only once the call made on its (pipelined) result has arrived:
    // without promise pipelining the client would wait for getActor first, and this would hang.
    CompletableFuture<Void> callArrived = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();
    net.listen(null, () -> Client.local(new EchoNode() {
      @Override
      public CompletionStage<Client> getActor(String ns, String id, String name) {
        return callArrived.thenCompose(v -> super.getActor(ns, id, name));
      }
    }), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (((MessageReader) msg).getRoot(Rpc.Message.TYPE).which() == Rpc.Message.CALL && calls.incrementAndGet() == 2) {
          ctx.channel().eventLoop().execute(() -> callArrived.complete(null));
        }
        ctx.fireChannelRead(msg);
      }
    });
    Client node = net.connect(null).bootstrap();
    Client actor = ClusterCalls.getActor(node, "ns", ID, "n").pipeline(0);
    assertEquals("greet:pipelined", text(await(ClusterCalls.call(actor, "greet", utf8("pipelined")))));
    assertEquals(2, calls.get());
  }

  @Test
  void aThrownErrorComesBackAsAnException() throws Exception {
    net.listen(null, () -> Client.local(new EchoNode()));
    Client actor = ClusterCalls.getActor(net.connect(null).bootstrap(), "ns", ID, "n").pipeline(0);
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(ClusterCalls.call(actor, "throw", new byte[0])));
    RpcException cause = assertInstanceOf(RpcException.class, e.getCause());
    assertEquals(RpcException.Type.FAILED, cause.type());
    assertTrue(cause.getMessage().contains("boom"), cause.getMessage());
    // The actor still works afterwards.
    assertEquals("x:", text(await(ClusterCalls.call(actor, "x", new byte[0]))));
  }

  @Test
  void fetchStreamsTheBodyBothWays() throws Exception {
    net.listen(null, () -> Client.local(new EchoNode()));
    Client actor = ClusterCalls.getActor(net.connect(null).bootstrap(), "ns", ID, "n").pipeline(0);
    CollectingResponder responder = new CollectingResponder();
    Client responderCap = Client.local(responder);
    Pending fetch = ClusterCalls.fetch(actor, new HttpHead.Request("POST", "https://example.com/path",
        List.of(new HttpHead.Header("foo", "bar"))), responderCap);
    Client requestBody = fetch.pipeline(0);
    ClusterCalls.write(requestBody, utf8("hello "));
    ClusterCalls.write(requestBody, utf8("streaming "));
    ClusterCalls.write(requestBody, utf8("world"));
    await(ClusterCalls.end(requestBody));
    HttpHead.Response head = await(responder.head);
    assertEquals(200, head.status());
    assertEquals("OK", head.statusText());
    assertEquals(List.of(new HttpHead.Header("x-method", "POST"), new HttpHead.Header("x-url", "https://example.com/path"),
        new HttpHead.Header("x-echo-foo", "bar")), head.headers());
    assertEquals("hello streaming world", responder.bodyText());
    assertEquals(2, responder.writes);
  }

  @Test
  void aDroppedConnectionFailsEveryOutstandingCall() throws Exception {
    CompletableFuture<CallResult> never = new CompletableFuture<>();
    CountDownLatch arrived = new CountDownLatch(1);
    net.listen(null, () -> Client.local(new EchoNode() {
      @Override
      public CompletionStage<Client> getActor(String ns, String id, String name) {
        return CompletableFuture.completedFuture(Client.local(new EchoActor(ns, id, name) {
          @Override
          public CompletionStage<CallResult> call(String method, byte[] args) {
            arrived.countDown();
            return never;
          }
        }));
      }
    }));
    RpcConnection client = net.connect(null);
    Client actor = ClusterCalls.getActor(client.bootstrap(), "ns", ID, "n").pipeline(0);
    CompletableFuture<CallResult> first = ClusterCalls.call(actor, "a", new byte[0]);
    CompletableFuture<CallResult> second = ClusterCalls.call(actor, "b", new byte[0]);
    assertTrue(arrived.await(5, TimeUnit.SECONDS));
    net.serverSide.get(0).channel().close();
    for (CompletableFuture<CallResult> f : List.of(first, second)) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> await(f));
      assertEquals(RpcException.Type.DISCONNECTED, assertInstanceOf(RpcException.class, e.getCause()).type());
    }
    ExecutionException later = assertThrows(ExecutionException.class, () -> await(ClusterCalls.call(actor, "c", new byte[0])));
    assertEquals(RpcException.Type.DISCONNECTED, assertInstanceOf(RpcException.class, later.getCause()).type());
    assertTrue(client.closed().isDone());
  }

  @Test
  void closingTheLastReferenceReleasesTheServersCapability() throws Exception {
    CompletableFuture<Void> released = new CompletableFuture<>();
    net.listen(null, () -> Client.local(new EchoNode() {
      @Override
      public CompletionStage<Client> getActor(String ns, String id, String name) {
        return CompletableFuture.completedFuture(Client.local(new EchoActor(ns, id, name) {
          @Override
          public void released() {
            released.complete(null);
          }
        }));
      }
    }));
    RpcConnection client = net.connect(null);
    Response got = await(ClusterCalls.getActor(client.bootstrap(), "ns", ID, "n").response());
    Client actor = got.cap(0);
    got.close();
    assertEquals("a:", text(await(ClusterCalls.call(actor, "a", new byte[0]))));
    assertFalse(released.isDone());
    actor.close();
    await(released);
    CompletableFuture<Boolean> quiet = new CompletableFuture<>();
    client.channel().eventLoop().execute(() -> quiet.complete(client.isQuiet()));
    assertTrue(await(quiet));
  }

  /** A test interface: method 0 returns its param capability; method 1 records a call. */
  static final long LOOP = 0x8f1e2d3c4b5a6978L;

  @Test
  void callsOnAPromiseThatResolvesBackHereKeepTheirOrder() throws Exception {
    // The server hands our own capability back; calls pipelined through the server (reflected)
    // and calls made after the answer (local, behind an embargo) must arrive in call order.
    net.listen(null, () -> Client.local((iface, method, context) -> {
      Client mine = context.paramCap(context.params(dev.jworkers.cluster.api.ClusterSchema.ONE_POINTER).capIndex(0));
      context.results(dev.jworkers.cluster.api.ClusterSchema.ONE_POINTER).setCap(0, context.resultCap(mine));
      return CompletableFuture.completedFuture(null);
    }));
    List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    Client recorder = recorder(order);
    RpcConnection connection = net.connect(null);
    Client server = connection.bootstrap();
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<CompletableFuture<Response>> sent = new java.util.ArrayList<>();
    // Everything on the connection's loop, so the calls are made in a known order relative to the Return.
    connection.channel().eventLoop().execute(() -> {
      Request r = server.newCall(LOOP, 0);
      r.params(dev.jworkers.cluster.api.ClusterSchema.ONE_POINTER).setCap(0, r.cap(recorder));
      Pending p = r.send();
      Client back = p.pipeline(0);
      for (int i = 0; i < 50; i++) {
        sent.add(record(back, i));
      }
      p.response().thenRun(() -> {
        for (int i = 50; i < 100; i++) {
          sent.add(record(back, i));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenRun(() -> done.complete(null));
      });
    });
    await(done);
    List<Integer> expected = java.util.stream.IntStream.range(0, 100).boxed().toList();
    assertEquals(expected, order);
  }

  @Test
  void callsOnAnExportedPromiseKeepTheirOrderAcrossItsResolve() throws Exception {
    // The server returns a promise (sent as senderPromise) that later resolves to our own
    // capability: calls made before the Resolve travel there and back, calls made after it are
    // local but held by an embargo until the Disembargo returns, so the recorder sees call order.
    net.listen(null, () -> Client.local((iface, method, context) -> {
      Client mine = context.paramCap(context.params(dev.jworkers.cluster.api.ClusterSchema.ONE_POINTER).capIndex(0));
      PromiseClient later = new PromiseClient();
      CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS).execute(() -> later.resolve(mine));
      context.results(dev.jworkers.cluster.api.ClusterSchema.ONE_POINTER).setCap(0, context.resultCap(later));
      return CompletableFuture.completedFuture(null);
    }));
    List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    Client recorder = recorder(order);
    RpcConnection connection = net.connect(null);
    Request r = connection.bootstrap().newCall(LOOP, 2);
    r.params(dev.jworkers.cluster.api.ClusterSchema.ONE_POINTER).setCap(0, r.cap(recorder));
    Response got = await(r.send().response());
    Client promise = got.cap(0);
    int total = 400;
    List<CompletableFuture<Response>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> allSent = new CompletableFuture<>();
    int[] next = {0};
    var task = connection.channel().eventLoop().scheduleAtFixedRate(() -> {
      for (int i = 0; i < 4 && next[0] < total; i++) {
        sent.add(record(promise, next[0]++));
      }
      if (next[0] == total) {
        allSent.complete(null);
      }
    }, 0, 250, TimeUnit.MICROSECONDS);
    await(allSent);
    task.cancel(false);
    await(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
    assertEquals(java.util.stream.IntStream.range(0, total).boxed().toList(), order);
    CompletableFuture<Client> settled = new CompletableFuture<>();
    connection.channel().eventLoop().execute(() -> settled.complete(promise.settled()));
    assertInstanceOf(LocalClient.class, await(settled), "the promise now points straight at our recorder");
  }

  /** Records the number each call carries, in arrival order. */
  private static Client recorder(List<Integer> order) {
    return Client.local((iface, method, context) -> {
      order.add(context.params(dev.jworkers.cluster.api.ClusterSchema.CALL_RESULTS).u32(0));
      return CompletableFuture.completedFuture(null);
    });
  }

  private static CompletableFuture<Response> record(Client target, int n) {
    Request r = target.newCall(LOOP, 1);
    r.params(dev.jworkers.cluster.api.ClusterSchema.CALL_RESULTS).setU32(0, n);
    return r.send().response();
  }
}
