package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.Framing;
import dev.jworkers.cluster.rpc.wire.Rpc;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;
import org.capnproto.StructList;

/**
 * One side of a Cap'n Proto RPC connection (rpc.capnp, level 1): the question, answer, import,
 * export and embargo tables and the handling of every message. All state lives on the channel's
 * event loop; calls made on other threads hop there in order.
 */
public final class RpcConnection {
  private static final System.Logger LOG = System.getLogger(RpcConnection.class.getName());

  /** An export: a capability of ours the peer holds {@code refs} references to. */
  static final class Export {
    final int id;
    final Client client;
    int refs;

    Export(int id, Client client) {
      this.id = id;
      this.client = client;
    }
  }

  /** A call the peer sent us, until it has returned and the peer has finished with it. */
  private static final class Answer {
    final int id;
    boolean returned;
    boolean finished;
    boolean releaseResultCaps;
    Response response;
    RpcException error;
    List<Export> resultExports = List.of();
    /** Pipelined calls that arrived before the answer was known. */
    List<Runnable> waiting;

    Answer(int id) {
      this.id = id;
    }

    Client capAt(int[] path) {
      return response != null ? response.capAt(path) : new BrokenClient(error);
    }
  }

  private record Embargo(PromiseClient promise, Client target) {}

  private final Channel channel;
  private final EventLoop loop;
  private final Client bootstrap;
  private final IdTable<Question> questions = new IdTable<>();
  private final Map<Integer, Answer> answers = new HashMap<>();
  private final IdTable<Export> exports = new IdTable<>();
  private final Map<Client, Export> exportsByClient = new IdentityHashMap<>();
  private final Map<Integer, ImportClient> imports = new HashMap<>();
  private final IdTable<Embargo> embargoes = new IdTable<>();
  private final CompletableFuture<RpcException> closed = new CompletableFuture<>();
  private RpcException closedBy;
  private int bootstrapImport = -1;

  RpcConnection(Channel channel, Client bootstrap) {
    this.channel = channel;
    this.loop = channel.eventLoop();
    this.bootstrap = bootstrap;
  }

  /** The peer's bootstrap capability (a promise until the peer answers). */
  public Client bootstrap() {
    PromiseClient promise = new PromiseClient();
    run(() -> {
      if (closedBy != null) {
        promise.resolve(new BrokenClient(closedBy));
        return;
      }
      Question q = newQuestion(true);
      MessageBuilder m = new MessageBuilder(16);
      m.initRoot(Rpc.Message.TYPE).initBootstrap().setQuestionId(q.id);
      send(m);
      promise.resolve(q.pipeline());
    });
    return promise;
  }

  /** Completes with the reason when the connection ends. */
  public CompletableFuture<RpcException> closed() {
    return closed;
  }

  public Channel channel() {
    return channel;
  }

  /**
   * True when nothing is in flight and neither side holds a capability of the other except the
   * bootstraps: closing then loses nothing a new connection cannot restore. Event loop only.
   */
  public boolean isQuiet() {
    if (questions.size() > 0 || !answers.isEmpty() || embargoes.size() > 0) {
      return false;
    }
    for (Integer id : imports.keySet()) {
      if (id != bootstrapImport) {
        return false;
      }
    }
    final boolean[] onlyBootstrap = {true};
    exports.forEach(e -> onlyBootstrap[0] &= e.client == bootstrap);
    return onlyBootstrap[0];
  }

  /** Sends an Abort with {@code reason} and closes. */
  public void abort(String reason) {
    run(() -> {
      if (closedBy == null && channel.isActive()) {
        MessageBuilder m = new MessageBuilder(32);
        Rpc.Exception.Builder e = m.initRoot(Rpc.Message.TYPE).initAbort();
        e.setReason(reason);
        e.setType(Rpc.Exception.FAILED);
        channel.writeAndFlush(Framing.encode(m, channel.alloc()));
      }
      disconnected(RpcException.disconnected(reason));
    });
  }

  // ---- threading

  void run(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  /** Runs a delivery on the event loop; from another thread the caller gets a stand-in at once. */
  Pending onLoop(OutCall call, Supplier<Pending> delivery) {
    // On the loop with no hop still queued, deliver now; otherwise queue behind the hops, so
    // calls handed over from other threads (say, by a promise resolving there) keep their order.
    if (loop.inEventLoop() && hops.get() == 0) {
      return closedBy != null ? BrokenClient.failed(closedBy) : delivery.get();
    }
    PromiseClient.Queued stand = new PromiseClient.Queued(call);
    hops.incrementAndGet();
    loop.execute(() -> {
      hops.decrementAndGet();
      stand.bind(closedBy != null ? BrokenClient.failed(closedBy) : delivery.get());
    });
    return stand;
  }

  /** Deliveries queued on the loop and not yet run. */
  private final java.util.concurrent.atomic.AtomicInteger hops = new java.util.concurrent.atomic.AtomicInteger();

  private void send(MessageBuilder message) {
    channel.writeAndFlush(Framing.encode(message, channel.alloc()), channel.voidPromise());
  }

  // ---- outgoing calls

  private Question newQuestion(boolean bootstrap) {
    int id = questions.reserve();
    Question q = new Question(this, id, bootstrap);
    questions.set(id, q);
    return q;
  }

  Pending sendCall(OutCall out, Consumer<Rpc.MessageTarget.Builder> target) {
    if (closedBy != null) {
      return BrokenClient.failed(closedBy);
    }
    Question q = newQuestion(false);
    out.call().setQuestionId(q.id);
    target.accept(out.call().initTarget());
    writeCapTable(out.call().params(), out.caps(), q.paramExports);
    send(out.message());
    return q;
  }

  // ---- capability tables

  private void writeCapTable(Rpc.Payload.Builder payload, List<Client> caps, List<Export> exported) {
    StructList.Builder<Rpc.CapDescriptor.Builder> table = payload.initCapTable(caps.size());
    for (int i = 0; i < caps.size(); i++) {
      writeDescriptor(caps.get(i), table.get(i), exported);
    }
  }

  private void writeDescriptor(Client client, Rpc.CapDescriptor.Builder d, List<Export> exported) {
    Client c = client.settled();
    if (c instanceof ImportClient ic && ic.connection == this) {
      d.setReceiverHosted(ic.id);
    } else if (c instanceof PipelineClient pc && pc.connection == this && questions.get(pc.question.id) == pc.question) {
      Rpc.PromisedAnswer.Builder pa = d.initReceiverAnswer();
      pa.setQuestionId(pc.question.id);
      pa.setPath(pc.path);
    } else {
      boolean promise = c instanceof PromiseClient p && !p.isResolved();
      Export e = exportsByClient.get(c);
      if (e == null) {
        int id = exports.reserve();
        e = new Export(id, c.retain());
        exports.set(id, e);
        exportsByClient.put(c, e);
        if (promise) {
          Export exported0 = e;
          ((PromiseClient) c).whenResolved(to -> run(() -> sendResolve(exported0, to)));
        }
      }
      e.refs++;
      exported.add(e);
      if (promise) {
        d.setSenderPromise(e.id);
      } else {
        d.setSenderHosted(e.id);
      }
    }
  }

  /** Tells the peer what an exported promise became (it may then embargo its calls). */
  private void sendResolve(Export e, Client to) {
    if (closedBy != null || exports.get(e.id) != e) {
      return;
    }
    MessageBuilder m = new MessageBuilder(32);
    Rpc.Resolve.Builder r = m.initRoot(Rpc.Message.TYPE).initResolve();
    r.setPromiseId(e.id);
    if (to.settled() instanceof BrokenClient broken) {
      Rpc.Exception.Builder ex = r.initException();
      ex.setReason(broken.error.getMessage() == null ? "failed" : broken.error.getMessage());
      ex.setType(broken.error.type().ordinal());
    } else {
      writeDescriptor(to, r.initCap(), new ArrayList<>(1));
    }
    send(m);
  }

  /** The capabilities a received payload's cap table names, one reference each. */
  private List<Client> readCapTable(StructList.Reader<Rpc.CapDescriptor.Reader> table) {
    List<Client> caps = new ArrayList<>(table.size());
    for (Rpc.CapDescriptor.Reader d : table) {
      caps.add(readCap(d));
    }
    return caps;
  }

  private Client readCap(Rpc.CapDescriptor.Reader d) {
    switch (d.which()) {
      case Rpc.CapDescriptor.SENDER_HOSTED, Rpc.CapDescriptor.SENDER_PROMISE -> {
        ImportClient existing = imports.get(d.id());
        if (existing != null && existing.localRefs.get() > 0) {
          existing.remoteRefs++;
          return existing.retain();
        }
        ImportClient fresh = new ImportClient(this, d.id(), d.which() == Rpc.CapDescriptor.SENDER_PROMISE);
        fresh.remoteRefs = 1;
        imports.put(d.id(), fresh);
        return fresh;
      }
      case Rpc.CapDescriptor.RECEIVER_HOSTED -> {
        Export e = exports.get(d.id());
        return e != null ? e.client.retain() : failed("the peer named export " + d.id() + ", which does not exist");
      }
      case Rpc.CapDescriptor.RECEIVER_ANSWER -> {
        Rpc.PromisedAnswer.Reader pa = d.receiverAnswer();
        Answer a = answers.get(pa.questionId());
        if (a == null) {
          return failed("the peer named answer " + pa.questionId() + ", which does not exist");
        }
        int[] path = pa.path();
        if (a.returned) {
          return a.capAt(path).retain();
        }
        PromiseClient promise = new PromiseClient();
        waitFor(a, () -> promise.resolve(a.capAt(path).retain()));
        return promise;
      }
      case Rpc.CapDescriptor.NONE -> {
        return failed("called a null capability");
      }
      default -> {
        return new BrokenClient(new RpcException(RpcException.Type.UNIMPLEMENTED, "capability descriptor kind " + d.which() + " is not supported"));
      }
    }
  }

  private static Client failed(String why) {
    return new BrokenClient(new RpcException(RpcException.Type.FAILED, why));
  }

  void releaseImport(ImportClient ic) {
    if (imports.get(ic.id) == ic) {
      imports.remove(ic.id);
    }
    if (ic.resolution != null) {
      ic.resolution.close();
    }
    if (closedBy == null && ic.remoteRefs > 0) {
      MessageBuilder m = new MessageBuilder(16);
      Rpc.Release.Builder r = m.initRoot(Rpc.Message.TYPE).initRelease();
      r.setId(ic.id);
      r.setReferenceCount(ic.remoteRefs);
      send(m);
    }
    ic.remoteRefs = 0;
  }

  private void releaseExport(Export e, int count) {
    e.refs -= count;
    if (e.refs <= 0 && exports.get(e.id) == e) {
      exports.remove(e.id);
      exportsByClient.remove(e.client);
      e.client.close();
    }
  }

  // ---- incoming messages

  void handle(MessageReader message) {
    if (closedBy != null) {
      return;
    }
    Rpc.Message.Reader m = message.getRoot(Rpc.Message.TYPE);
    try {
      switch (m.which()) {
        case Rpc.Message.BOOTSTRAP -> handleBootstrap(m.bootstrap());
        case Rpc.Message.CALL -> handleCall(message, m.call());
        case Rpc.Message.RETURN -> handleReturn(message, m.ret());
        case Rpc.Message.FINISH -> handleFinish(m.finish());
        case Rpc.Message.RELEASE -> handleRelease(m.release());
        case Rpc.Message.RESOLVE -> handleResolve(m.resolve());
        case Rpc.Message.DISEMBARGO -> handleDisembargo(m.disembargo());
        case Rpc.Message.ABORT -> {
          Rpc.Exception.Reader e = m.abort();
          LOG.log(System.Logger.Level.DEBUG, "peer aborted the connection: {0}", e.reason());
          disconnected(new RpcException(typeOf(e.type()), "peer aborted: " + e.reason()));
        }
        case Rpc.Message.UNIMPLEMENTED -> handleUnimplemented(m.unimplemented());
        default -> sendUnimplemented(m);
      }
    } catch (ProtocolError e) {
      abort("protocol error: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "malformed rpc message from peer", e);
      abort("malformed message: " + e);
    }
  }

  /** The peer broke the protocol: the connection ends. */
  private static final class ProtocolError extends RuntimeException {
    ProtocolError(String message) {
      super(message, null, false, false);
    }
  }

  private Answer newAnswer(int id) {
    if (answers.containsKey(id)) {
      throw new ProtocolError("question id " + id + " is already in use");
    }
    Answer a = new Answer(id);
    answers.put(id, a);
    return a;
  }

  private void handleBootstrap(Rpc.Bootstrap.Reader b) {
    Answer a = newAnswer(b.questionId());
    if (bootstrap == null) {
      answer(a, null, new RpcException(RpcException.Type.FAILED, "this peer offers no bootstrap capability"));
      return;
    }
    CallContext context = new CallContext(null, List.of());
    context.resultsAreCap(bootstrap.retain());
    answer(a, context.response(), null);
  }

  private void handleCall(MessageReader message, Rpc.Call.Reader call) {
    Answer a = newAnswer(call.questionId());
    List<Client> caps = readCapTable(call.params().capTable());
    if (call.sendResultsTo() != Rpc.Call.SEND_TO_CALLER) {
      closeAll(caps);
      answer(a, null, new RpcException(RpcException.Type.UNIMPLEMENTED, "results can only be sent to the caller"));
      return;
    }
    Rpc.MessageTarget.Reader target = call.target();
    switch (target.which()) {
      case Rpc.MessageTarget.IMPORTED_CAP -> {
        Export e = exports.get(target.importedCap());
        if (e == null) {
          closeAll(caps);
          answer(a, null, new RpcException(RpcException.Type.FAILED, "no capability with export id " + target.importedCap()));
        } else {
          deliverIncoming(a, e.client, message, call, caps);
        }
      }
      case Rpc.MessageTarget.PROMISED_ANSWER -> {
        Rpc.PromisedAnswer.Reader pa = target.promisedAnswer();
        Answer base = answers.get(pa.questionId());
        int[] path = pa.path();
        if (base == null) {
          closeAll(caps);
          answer(a, null, new RpcException(RpcException.Type.FAILED, "no answer with id " + pa.questionId()));
        } else {
          waitFor(base, () -> deliverIncoming(a, base.capAt(path), message, call, caps));
        }
      }
      default -> throw new ProtocolError("unknown call target kind " + target.which());
    }
  }

  /** Runs {@code then} now if the answer is known, else right when it is, before later messages. */
  private void waitFor(Answer a, Runnable then) {
    if (a.returned) {
      then.run();
    } else {
      if (a.waiting == null) {
        a.waiting = new ArrayList<>(2);
      }
      a.waiting.add(then);
    }
  }

  private void deliverIncoming(Answer a, Client target, MessageReader message, Rpc.Call.Reader call, List<Client> caps) {
    Client c = target.settled();
    Pending p;
    if (c instanceof LocalClient local) {
      // The context owns one reference to each param cap; they go when the call has finished.
      p = local.dispatch(call.interfaceId(), call.methodId(), new CallContext(call.params(), caps), () -> run(() -> closeAll(caps)));
    } else {
      // Forwarded (back to the peer, to another connection, or to a promise): reuse the message.
      MessageBuilder builder = MessageBuilder.unsafeConstructFromMessageReader(message);
      OutCall out = new OutCall(builder, builder.getRoot(Rpc.Message.TYPE).getCall(), caps);
      p = c.deliver(out);
      p.response().whenComplete((r, e) -> run(() -> closeAll(caps)));
    }
    p.response().whenComplete((r, e) -> run(() -> answer(a, r, e == null ? null : RpcException.of(e))));
  }

  private static void closeAll(List<Client> caps) {
    for (Client c : caps) {
      c.close();
    }
  }

  /** Sends the Return for an answer, then lets pipelined calls waiting on it through. */
  private void answer(Answer a, Response response, RpcException error) {
    if (closedBy != null) {
      if (response != null) {
        response.close();
      }
      return;
    }
    MessageBuilder m;
    Rpc.Return.Builder ret;
    if (response == null) {
      m = new MessageBuilder(64);
      ret = m.initRoot(Rpc.Message.TYPE).initReturn();
      Rpc.Exception.Builder e = ret.initException();
      e.setReason(error.getMessage() == null ? "failed" : error.getMessage());
      e.setType(error.type().ordinal());
    } else {
      m = response.built != null ? response.built : MessageBuilder.unsafeConstructFromMessageReader(response.received);
      ret = m.getRoot(Rpc.Message.TYPE).getReturn();
      a.resultExports = new ArrayList<>(response.caps.size());
      writeCapTable(ret.results(), response.caps, a.resultExports);
    }
    ret.setAnswerId(a.id);
    ret.setReleaseParamCaps(false);
    a.returned = true;
    a.response = response;
    a.error = error;
    send(m);
    if (a.waiting != null) {
      List<Runnable> waiting = a.waiting;
      a.waiting = null;
      waiting.forEach(Runnable::run);
    }
    if (a.finished) {
      retire(a);
    }
  }

  private void retire(Answer a) {
    answers.remove(a.id);
    if (a.releaseResultCaps) {
      for (Export e : a.resultExports) {
        releaseExport(e, 1);
      }
    }
    if (a.response != null) {
      a.response.close();
    }
  }

  private void handleFinish(Rpc.Finish.Reader f) {
    Answer a = answers.get(f.questionId());
    if (a == null) {
      throw new ProtocolError("Finish for unknown question " + f.questionId());
    }
    a.finished = true;
    a.releaseResultCaps = f.releaseResultCaps();
    if (a.returned) {
      retire(a);
    }
  }

  private void handleReturn(MessageReader message, Rpc.Return.Reader ret) {
    Question q = questions.get(ret.answerId());
    if (q == null) {
      throw new ProtocolError("Return for unknown question " + ret.answerId());
    }
    Response response = null;
    RpcException error = null;
    switch (ret.which()) {
      case Rpc.Return.RESULTS -> {
        Rpc.Payload.Reader results = ret.results();
        response = new Response(null, message, results, readCapTable(results.capTable()));
        if (q.bootstrap) {
          int index = results.capIndex(0);
          if (index >= 0 && index < response.caps.size() && response.caps.get(index) instanceof ImportClient ic) {
            bootstrapImport = ic.id;
          }
        }
      }
      case Rpc.Return.EXCEPTION -> {
        Rpc.Exception.Reader e = ret.exception();
        error = new RpcException(typeOf(e.type()), e.reason());
      }
      case Rpc.Return.CANCELED -> error = new RpcException(RpcException.Type.FAILED, "the call was canceled");
      default -> error = new RpcException(RpcException.Type.UNIMPLEMENTED, "Return kind " + ret.which() + " is not supported");
    }
    if (ret.releaseParamCaps()) {
      for (Export e : q.paramExports) {
        releaseExport(e, 1);
      }
    }
    settle(q, response, error);
  }

  /** A question's answer is in: resolve its pipelines (with embargoes where needed), then Finish. */
  private void settle(Question q, Response response, RpcException error) {
    for (PipelineClient pc : q.settle(response, error)) {
      Client target = response != null ? response.capAt(pc.path) : new BrokenClient(error);
      pc.resolution = resolutionOf(pc, target.retain());
    }
    MessageBuilder m = new MessageBuilder(16);
    Rpc.Finish.Builder f = m.initRoot(Rpc.Message.TYPE).initFinish();
    f.setQuestionId(q.id);
    f.setReleaseResultCaps(false);
    send(m);
    questions.remove(q.id);
    if (response != null) {
      q.response.complete(response);
    } else {
      q.response.completeExceptionally(error);
    }
  }

  private boolean hostedByPeer(Client c) {
    return c instanceof PeerClient p && p.connection == this;
  }

  private void handleRelease(Rpc.Release.Reader r) {
    Export e = exports.get(r.id());
    if (e == null) {
      throw new ProtocolError("Release of unknown export " + r.id());
    }
    if (r.referenceCount() > e.refs) {
      throw new ProtocolError("Release of " + r.referenceCount() + " references to export " + r.id() + ", which has " + e.refs);
    }
    releaseExport(e, r.referenceCount());
  }

  private void handleResolve(Rpc.Resolve.Reader r) {
    Client resolution = r.which() == Rpc.Resolve.CAP
        ? readCap(r.cap())
        : new BrokenClient(new RpcException(typeOf(r.exception().type()), r.exception().reason()));
    ImportClient ic = imports.get(r.promiseId());
    if (ic == null || !ic.promise || ic.resolution != null) {
      // Released already (or not a promise): nothing waits for it.
      resolution.close();
      return;
    }
    ic.resolution = resolutionOf(ic, resolution);
  }

  /**
   * What a peer-hosted promise forwards to once it resolved to {@code target}. When calls already
   * went through the peer and {@code target} is not the peer's, they may still be on their way
   * back to us: new calls wait behind a Disembargo that makes the same trip.
   */
  private Client resolutionOf(PeerClient promise, Client target) {
    Client now = target.settled();
    if (!promise.sentCalls || hostedByPeer(now) || now instanceof BrokenClient) {
      return target;
    }
    PromiseClient held = new PromiseClient();
    int embargo = embargoes.add(new Embargo(held, target));
    MessageBuilder m = new MessageBuilder(32);
    Rpc.Disembargo.Builder d = m.initRoot(Rpc.Message.TYPE).initDisembargo();
    promise.writeTarget(d.initTarget());
    d.setSenderLoopback(embargo);
    send(m);
    return held;
  }

  private void handleDisembargo(Rpc.Disembargo.Reader d) {
    switch (d.which()) {
      case Rpc.Disembargo.SENDER_LOOPBACK -> {
        Client target = targetOf(d.target()).settled();
        MessageBuilder m = new MessageBuilder(32);
        Rpc.Disembargo.Builder reply = m.initRoot(Rpc.Message.TYPE).initDisembargo();
        if (hostedByPeer(target)) {
          ((PeerClient) target).writeTarget(reply.initTarget());
        } else {
          throw new ProtocolError("Disembargo senderLoopback for a capability that does not point back to the sender");
        }
        reply.setReceiverLoopback(d.embargoId());
        send(m);
      }
      case Rpc.Disembargo.RECEIVER_LOOPBACK -> {
        Embargo e = embargoes.remove(d.embargoId());
        if (e == null) {
          throw new ProtocolError("Disembargo receiverLoopback for unknown embargo " + d.embargoId());
        }
        e.promise.resolve(e.target);
      }
      // accept/provide belong to three-party handoff (level 3), which we never start.
      default -> throw new ProtocolError("Disembargo kind " + d.which() + " (level 3) is not supported");
    }
  }

  private Client targetOf(Rpc.MessageTarget.Reader t) {
    if (t.which() == Rpc.MessageTarget.IMPORTED_CAP) {
      Export e = exports.get(t.importedCap());
      if (e == null) {
        throw new ProtocolError("Disembargo for unknown export " + t.importedCap());
      }
      return e.client;
    }
    Rpc.PromisedAnswer.Reader pa = t.promisedAnswer();
    Answer a = answers.get(pa.questionId());
    if (a == null || !a.returned) {
      throw new ProtocolError("Disembargo for answer " + pa.questionId() + ", which has not returned");
    }
    return a.capAt(pa.path());
  }

  private void handleUnimplemented(Rpc.Message.Reader echo) {
    // The peer did not understand something we sent: fail the question it belonged to.
    int id;
    if (echo.which() == Rpc.Message.CALL) {
      id = echo.call().questionId();
    } else if (echo.which() == Rpc.Message.BOOTSTRAP) {
      id = echo.bootstrap().questionId();
    } else {
      LOG.log(System.Logger.Level.DEBUG, "peer did not implement message kind {0}", echo.which());
      return;
    }
    Question q = questions.get(id);
    if (q != null) {
      for (Export e : q.paramExports) {
        releaseExport(e, 1);
      }
      for (PipelineClient pc : q.settle(null, null)) {
        pc.resolution = failed("the peer does not implement this call");
      }
      questions.remove(id);
      q.response.completeExceptionally(new RpcException(RpcException.Type.UNIMPLEMENTED, "the peer does not implement this call"));
    }
  }

  private void sendUnimplemented(Rpc.Message.Reader m) {
    MessageBuilder out = new MessageBuilder(64);
    out.initRoot(Rpc.Message.TYPE).setUnimplemented(m);
    send(out);
  }

  private static RpcException.Type typeOf(int type) {
    RpcException.Type[] all = RpcException.Type.values();
    return type >= 0 && type < all.length ? all[type] : RpcException.Type.FAILED;
  }

  /** The connection is gone: every outstanding call fails, every capability breaks. */
  void disconnected(RpcException why) {
    if (closedBy != null) {
      return;
    }
    closedBy = why;
    List<Question> pending = new ArrayList<>();
    questions.forEach(pending::add);
    questions.clear();
    for (Question q : pending) {
      for (PipelineClient pc : q.settle(null, why)) {
        pc.resolution = new BrokenClient(why);
      }
      q.response.completeExceptionally(why);
    }
    for (ImportClient ic : imports.values()) {
      ic.resolution = new BrokenClient(why);
    }
    imports.clear();
    List<Export> held = new ArrayList<>();
    exports.forEach(held::add);
    exports.clear();
    exportsByClient.clear();
    for (Export e : held) {
      e.client.close();
    }
    for (Answer a : answers.values()) {
      if (a.response != null) {
        a.response.close();
      }
    }
    answers.clear();
    List<Embargo> embargoed = new ArrayList<>();
    embargoes.forEach(embargoed::add);
    embargoes.clear();
    for (Embargo e : embargoed) {
      e.promise.resolve(new BrokenClient(why));
    }
    closed.complete(why);
    channel.close();
  }
}
