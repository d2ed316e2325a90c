// interop: the C++ peer of the cluster RPC interoperability tests, written against the reference
// Cap'n Proto implementation (EzRpcServer / EzRpcClient: two-party RPC over plain Cap'n Proto
// framing, no handshake). Built by CppPeer (Java test harness) against cluster.capnp.
//
// Modes (ADDRESS is anything kj parses: "unix:/dir/sock", "127.0.0.1:0", "127.0.0.1:4000"):
//
//   interop serve ADDRESS
//     Serves an echo Node as the bootstrap capability. Prints "listening PORT" (TCP: the bound
//     port, so ":0" works) or "listening PATH" (unix: the socket path) once bound. Runs until it
//     is killed or, when stdin is a pipe, until stdin reaches end-of-file (a test JVM that dies
//     closes the pipe, so the server does not outlive it). With stdin on a terminal or
//     /dev/null it runs until killed.
//
//   interop client ADDRESS
//     Bootstraps the Node at ADDRESS and runs the scenarios below, one stdout line each, then
//     "done" and exit 0. Any failure prints "error DESCRIPTION" and exits 1.
//
//   interop bench ADDRESS SECONDS
//   interop bench-pipelined ADDRESS SECONDS
//     Sequential round trips of Actor.call("ping", 16 bytes 0..15) on one actor ("bench"), or
//     getActor(...).call(...) pipelined per iteration (2 calls, 1 round trip: "bench-pipelined"),
//     for SECONDS (may be fractional) after 200 uncounted warm-up iterations. Prints
//     "roundtrips N persec X p50us A p99us B" (N, X integers; A, B microseconds, one decimal).
//
// Echo semantics (the Java echo actor must behave the same for the client scenarios to pass):
//   Node.getActor(ns, id, name) -> an Actor remembering ns, id, name.
//   Actor.call(method, args):
//     "throw"  -> the call fails with an exception whose description contains "boom";
//     "whoami" -> result = UTF-8 "ns/id/name", threw = false;
//     other    -> result = UTF-8 method + ":" followed by the args bytes, threw = false.
//   Actor.fetch(request, responder) -> requestBody: a ByteStream collecting the request body.
//     Its end() calls responder.start(HttpResponse{200, "OK", headers ("x-method", method),
//     ("x-url", url), then ("x-echo-" + name, value) per request header in order}), writes the
//     collected body to the returned stream as two chunks (the first size/2 bytes, then the
//     rest; an empty chunk is not written, so an empty body gets no write), ends it, and only
//     then returns.
//
// Client scenarios (constants: NS "ns1", ID = "0123456789abcdef" four times, NAME "name1"):
//   call greet:hello
//       getActor(NS, ID, NAME).actor.call("greet", "hello"), pipelined (the call is sent before
//       getActor returns); then getActor's own result is awaited and its actor kept.
//   whoami ns1/<ID>/name1
//       call("whoami", empty) on that (resolved) actor.
//   throw <description>
//       call("throw", empty) on it must fail; the line carries the exception's description as
//       the C++ RPC system reports it (for a C++ server: "remote exception: boom").
//   fetch 200 OK x-method=POST x-url=https://example.com/path x-echo-foo=bar body=hello streaming world
//       getActor(NS, ID, NAME).actor.fetch(POST https://example.com/path, headers foo: bar,
//       a C++ Responder).requestBody, all pipelined: three writes "hello ", "streaming ",
//       "world", then end(); the line shows the response head and the body the Responder got.
//   fetch 200 OK x-method=GET x-url=https://example.com/empty body=
//       fetch(GET https://example.com/empty, no headers) on the resolved actor; requestBody is
//       ended at once without a write.
//   done

#include "cluster.capnp.h"

#include <capnp/ez-rpc.h>
#include <kj/async-io.h>
#include <kj/debug.h>
#include <kj/vector.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

constexpr const char* NS = "ns1";
constexpr const char* ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
constexpr const char* NAME = "name1";

kj::String asText(capnp::Data::Reader bytes) {
  return kj::heapString(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

// Prints one result line at once, so a test that kills us still sees what was reached.
void printLine(kj::StringPtr line) {
  fwrite(line.begin(), 1, line.size(), stdout);
  fputc('\n', stdout);
  fflush(stdout);
}

// Keeps a description on one line of output.
kj::String oneLine(kj::StringPtr text) {
  auto copy = kj::heapString(text);
  for (char& c: copy) if (c == '\n' || c == '\r') c = ' ';
  return copy;
}

[[noreturn]] void fail(kj::StringPtr why) {
  kj::throwFatalException(KJ_EXCEPTION(FAILED, why));
}

struct HeaderCopy {
  kj::String name;
  kj::String value;
};

// ---------------------------------------------------------------------------------------------
// serve: the echo Node

// Collects one fetch's request body; end() answers through the caller's Responder.
class EchoRequestBody final: public ByteStream::Server {
public:
  EchoRequestBody(kj::String method, kj::String url, kj::Array<HeaderCopy> headers,
                  Responder::Client responder)
      : method(kj::mv(method)), url(kj::mv(url)), headers(kj::mv(headers)),
        responder(kj::mv(responder)) {}

protected:
  kj::Promise<void> write(WriteContext context) override {
    if (ended) fail("write after end");
    body.addAll(context.getParams().getBytes());
    return kj::READY_NOW;
  }

  kj::Promise<void> end(EndContext context) override {
    if (ended) fail("end called twice");
    ended = true;
    auto start = responder.startRequest();
    auto head = start.initResponse();
    head.setStatus(200);
    head.setStatusText("OK");
    auto out = head.initHeaders(2 + headers.size());
    out[0].setName("x-method");
    out[0].setValue(method);
    out[1].setName("x-url");
    out[1].setValue(url);
    for (size_t i = 0; i < headers.size(); i++) {
      out[2 + i].setName(kj::str("x-echo-", headers[i].name));
      out[2 + i].setValue(headers[i].value);
    }
    // The body moves into the continuation: this object may be released before it runs.
    return start.send().then([bytes = body.releaseAsArray()](auto response) mutable {
      ByteStream::Client stream = response.getBody();
      size_t half = bytes.size() / 2;
      kj::Vector<kj::Promise<void>> sent;
      for (auto chunk: {bytes.slice(0, half), bytes.slice(half, bytes.size())}) {
        if (chunk.size() == 0) continue;
        auto write = stream.writeRequest();
        write.setBytes(chunk);
        sent.add(write.send());
      }
      sent.add(stream.endRequest().send().ignoreResult());
      return kj::joinPromises(sent.releaseAsArray()).attach(kj::mv(bytes), kj::mv(stream));
    });
  }

private:
  kj::String method;
  kj::String url;
  kj::Array<HeaderCopy> headers;
  Responder::Client responder;
  kj::Vector<kj::byte> body;
  bool ended = false;
};

class EchoActor final: public Actor::Server {
public:
  EchoActor(kj::String ns, kj::String id, kj::String name)
      : ns(kj::mv(ns)), id(kj::mv(id)), name(kj::mv(name)) {}

protected:
  kj::Promise<void> fetch(FetchContext context) override {
    auto params = context.getParams();
    auto request = params.getRequest();
    auto headers = kj::heapArrayBuilder<HeaderCopy>(request.getHeaders().size());
    for (auto header: request.getHeaders()) {
      headers.add(HeaderCopy{kj::heapString(header.getName()), kj::heapString(header.getValue())});
    }
    context.getResults().setRequestBody(kj::heap<EchoRequestBody>(
        kj::heapString(request.getMethod()), kj::heapString(request.getUrl()), headers.finish(),
        params.getResponder()));
    return kj::READY_NOW;
  }

  kj::Promise<void> call(CallContext context) override {
    auto params = context.getParams();
    kj::StringPtr method = params.getMethod();
    if (method == "throw") return KJ_EXCEPTION(FAILED, "boom");
    kj::String result = method == "whoami"
        ? kj::str(ns, "/", id, "/", name)
        : kj::str(method, ":", asText(params.getArgs()));
    auto results = context.getResults();
    results.setResult(result.asBytes());
    results.setThrew(false);
    return kj::READY_NOW;
  }

private:
  kj::String ns;
  kj::String id;
  kj::String name;
};

class EchoNode final: public Node::Server {
protected:
  kj::Promise<void> getActor(GetActorContext context) override {
    auto params = context.getParams();
    context.getResults().setActor(kj::heap<EchoActor>(
        kj::heapString(params.getNamespace()), kj::heapString(params.getId()),
        kj::heapString(params.getName())));
    return kj::READY_NOW;
  }
};

kj::Promise<void> readUntilEof(kj::AsyncInputStream& in, kj::ArrayPtr<kj::byte> buffer) {
  return in.tryRead(buffer.begin(), 1, buffer.size())
      .then([&in, buffer](size_t n) -> kj::Promise<void> {
        if (n == 0) return kj::READY_NOW;
        return readUntilEof(in, buffer);
      });
}

// Resolves when a piped stdin closes; never for a terminal, /dev/null or a file.
kj::Promise<void> stdinClosed(kj::LowLevelAsyncIoProvider& io) {
  struct stat info;
  if (fstat(STDIN_FILENO, &info) != 0 || !(S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode))) {
    return kj::NEVER_DONE;
  }
  auto in = io.wrapInputFd(STDIN_FILENO);
  auto buffer = kj::heapArray<kj::byte>(512);
  auto reading = readUntilEof(*in, buffer);
  return reading.attach(kj::mv(in), kj::mv(buffer));
}

int serve(kj::StringPtr address) {
  capnp::EzRpcServer server(kj::heap<EchoNode>(), address);
  auto& waitScope = server.getWaitScope();
  uint port = server.getPort().wait(waitScope);
  if (port != 0) {
    printLine(kj::str("listening ", port));
  } else {
    printLine(kj::str("listening ", address.startsWith("unix:") ? address.slice(5) : address));
  }
  stdinClosed(server.getLowLevelIoProvider()).wait(waitScope);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// client: the scenarios

struct ResponseSeen: public kj::Refcounted {
  uint16_t status = 0;
  kj::String statusText;
  kj::Vector<kj::String> headers;  // "name=value"
  kj::Vector<kj::byte> body;
  bool started = false;
};

// Shared only by the Responder and its body stream: if the server drops both without end(),
// the fulfiller goes with them and the waiting scenario fails instead of hanging.
struct ResponseDone: public kj::Refcounted {
  explicit ResponseDone(kj::Own<kj::PromiseFulfiller<void>> fulfiller)
      : fulfiller(kj::mv(fulfiller)) {}
  kj::Own<kj::PromiseFulfiller<void>> fulfiller;
};

class CollectingBody final: public ByteStream::Server {
public:
  CollectingBody(kj::Own<ResponseSeen> seen, kj::Own<ResponseDone> done)
      : seen(kj::mv(seen)), done(kj::mv(done)) {}

protected:
  kj::Promise<void> write(WriteContext context) override {
    seen->body.addAll(context.getParams().getBytes());
    return kj::READY_NOW;
  }

  kj::Promise<void> end(EndContext context) override {
    done->fulfiller->fulfill();
    return kj::READY_NOW;
  }

private:
  kj::Own<ResponseSeen> seen;
  kj::Own<ResponseDone> done;
};

class CollectingResponder final: public Responder::Server {
public:
  CollectingResponder(kj::Own<ResponseSeen> seen, kj::Own<ResponseDone> done)
      : seen(kj::mv(seen)), done(kj::mv(done)) {}

protected:
  kj::Promise<void> start(StartContext context) override {
    if (seen->started) fail("Responder.start called twice");
    seen->started = true;
    auto response = context.getParams().getResponse();
    seen->status = response.getStatus();
    seen->statusText = kj::heapString(response.getStatusText());
    for (auto header: response.getHeaders()) {
      seen->headers.add(kj::str(header.getName(), "=", header.getValue()));
    }
    context.getResults().setBody(kj::heap<CollectingBody>(kj::addRef(*seen), kj::addRef(*done)));
    return kj::READY_NOW;
  }

private:
  kj::Own<ResponseSeen> seen;
  kj::Own<ResponseDone> done;
};

capnp::Request<Node::GetActorParams, Node::GetActorResults> getActorRequest(Node::Client& node) {
  auto request = node.getActorRequest();
  request.setNamespace(NS);
  request.setId(ID);
  request.setName(NAME);
  return request;
}

kj::String callResult(Actor::CallResults::Reader results) {
  if (results.getThrew()) fail(kj::str("call threw ", asText(results.getResult())));
  return asText(results.getResult());
}

Actor::Client scenarioPipelinedCall(Node::Client& node, kj::WaitScope& waitScope) {
  auto gotActor = getActorRequest(node).send();
  auto call = gotActor.getActor().callRequest();
  call.setMethod("greet");
  call.setArgs(kj::StringPtr("hello").asBytes());
  auto result = call.send().wait(waitScope);
  printLine(kj::str("call ", callResult(result)));
  return gotActor.wait(waitScope).getActor();
}

void scenarioWhoami(Actor::Client& actor, kj::WaitScope& waitScope) {
  auto call = actor.callRequest();
  call.setMethod("whoami");
  printLine(kj::str("whoami ", callResult(call.send().wait(waitScope))));
}

void scenarioThrow(Actor::Client& actor, kj::WaitScope& waitScope) {
  auto call = actor.callRequest();
  call.setMethod("throw");
  KJ_IF_MAYBE(error, kj::runCatchingExceptions([&]() { call.send().wait(waitScope); })) {
    printLine(kj::str("throw ", oneLine(error->getDescription())));
    return;
  }
  fail("call(\"throw\") returned instead of failing");
}

// Sends fetch(method, url, headers) on `actor` (which may be a pipelined promise), writes
// `chunks` to the request body without waiting for anything, ends it, and prints the response.
void fetchAndPrint(Actor::Client actor, kj::StringPtr method, kj::StringPtr url,
                   kj::ArrayPtr<const HeaderCopy> headers,
                   kj::ArrayPtr<const kj::StringPtr> chunks, kj::WaitScope& waitScope) {
  auto seen = kj::refcounted<ResponseSeen>();
  auto finished = kj::newPromiseAndFulfiller<void>();
  auto done = kj::refcounted<ResponseDone>(kj::mv(finished.fulfiller));

  auto fetch = actor.fetchRequest();
  auto request = fetch.initRequest();
  request.setMethod(method);
  request.setUrl(url);
  auto headerList = request.initHeaders(headers.size());
  for (size_t i = 0; i < headers.size(); i++) {
    headerList[i].setName(headers[i].name);
    headerList[i].setValue(headers[i].value);
  }
  fetch.setResponder(kj::heap<CollectingResponder>(kj::addRef(*seen), kj::mv(done)));
  auto fetched = fetch.send();

  ByteStream::Client requestBody = fetched.getRequestBody();
  kj::Vector<kj::Promise<void>> sent;
  for (auto chunk: chunks) {
    auto write = requestBody.writeRequest();
    write.setBytes(chunk.asBytes());
    sent.add(write.send());
  }
  sent.add(requestBody.endRequest().send().ignoreResult());
  kj::joinPromises(sent.releaseAsArray()).wait(waitScope);
  finished.promise.wait(waitScope);
  fetched.wait(waitScope);

  if (!seen->started) fail("response body ended without Responder.start");
  kj::Vector<kj::String> parts;
  parts.add(kj::str("fetch ", seen->status, " ", seen->statusText));
  for (auto& header: seen->headers) parts.add(kj::str(header));
  parts.add(kj::str("body=", asText(seen->body.asPtr())));
  printLine(kj::strArray(parts, " "));
}

void scenarioPipelinedFetch(Node::Client& node, kj::WaitScope& waitScope) {
  auto gotActor = getActorRequest(node).send();
  HeaderCopy headers[] = {{kj::heapString("foo"), kj::heapString("bar")}};
  kj::StringPtr chunks[] = {"hello ", "streaming ", "world"};
  fetchAndPrint(gotActor.getActor(), "POST", "https://example.com/path", headers, chunks,
                waitScope);
  gotActor.wait(waitScope);
}

void scenarioEmptyFetch(Actor::Client& actor, kj::WaitScope& waitScope) {
  fetchAndPrint(actor, "GET", "https://example.com/empty", nullptr, nullptr, waitScope);
}

int client(kj::StringPtr address) {
  capnp::EzRpcClient rpc(address);
  auto& waitScope = rpc.getWaitScope();
  auto node = rpc.getMain<Node>();
  auto actor = scenarioPipelinedCall(node, waitScope);
  scenarioWhoami(actor, waitScope);
  scenarioThrow(actor, waitScope);
  scenarioPipelinedFetch(node, waitScope);
  scenarioEmptyFetch(actor, waitScope);
  printLine("done");
  return 0;
}

// ---------------------------------------------------------------------------------------------
// bench: round trips of Actor.call

constexpr int WARM_UP_ITERATIONS = 200;

int bench(kj::StringPtr address, double seconds, bool pipelined) {
  capnp::EzRpcClient rpc(address);
  auto& waitScope = rpc.getWaitScope();
  auto node = rpc.getMain<Node>();
  kj::byte payload[16];
  for (int i = 0; i < 16; i++) payload[i] = i;
  size_t expectedSize = strlen("ping:") + sizeof(payload);

  auto ping = [&](Actor::Client& actor) {
    auto call = actor.callRequest();
    call.setMethod("ping");
    call.setArgs(kj::arrayPtr(payload, sizeof(payload)));
    return call.send();
  };
  auto check = [&](Actor::CallResults::Reader results) {
    if (results.getThrew() || results.getResult().size() != expectedSize) fail("bad ping result");
  };

  Actor::Client actor = getActorRequest(node).send().wait(waitScope).getActor();
  auto once = [&]() {
    if (pipelined) {
      auto gotActor = getActorRequest(node).send();
      Actor::Client promised = gotActor.getActor();
      check(ping(promised).wait(waitScope));
      gotActor.wait(waitScope);
    } else {
      check(ping(actor).wait(waitScope));
    }
  };

  for (int i = 0; i < WARM_UP_ITERATIONS; i++) once();

  using Clock = std::chrono::steady_clock;
  std::vector<int64_t> nanos;
  nanos.reserve(1 << 20);
  auto begin = Clock::now();
  auto deadline = begin + std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(seconds));
  Clock::time_point now = begin;
  while (now < deadline) {
    auto before = now;
    once();
    now = Clock::now();
    nanos.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(now - before).count());
  }
  double elapsed = std::chrono::duration<double>(now - begin).count();

  std::sort(nanos.begin(), nanos.end());
  size_t n = nanos.size();
  auto percentile = [&](size_t p) {
    return n == 0 ? 0.0 : nanos[std::min(n - 1, n * p / 100)] / 1000.0;
  };
  printf("roundtrips %zu persec %.0f p50us %.1f p99us %.1f\n", n, elapsed > 0 ? n / elapsed : 0.0,
         percentile(50), percentile(99));
  fflush(stdout);
  return 0;
}

int usage() {
  fprintf(stderr,
          "usage: interop serve ADDRESS\n"
          "       interop client ADDRESS\n"
          "       interop bench ADDRESS SECONDS\n"
          "       interop bench-pipelined ADDRESS SECONDS\n");
  return 2;
}

int run(int argc, char** argv) {
  if (argc < 3) return usage();
  kj::StringPtr mode = argv[1];
  kj::StringPtr address = argv[2];
  if (mode == "serve" && argc == 3) return serve(address);
  if (mode == "client" && argc == 3) return client(address);
  if ((mode == "bench" || mode == "bench-pipelined") && argc == 4) {
    char* end;
    double seconds = strtod(argv[3], &end);
    if (*end != '\0' || !(seconds > 0)) return usage();
    return bench(address, seconds, mode == "bench-pipelined");
  }
  return usage();
}

}  // namespace

int main(int argc, char** argv) {
  int status = 1;
  KJ_IF_MAYBE(error, kj::runCatchingExceptions([&]() { status = run(argc, argv); })) {
    printLine(kj::str("error ", oneLine(error->getDescription())));
    return 1;
  }
  return status;
}
