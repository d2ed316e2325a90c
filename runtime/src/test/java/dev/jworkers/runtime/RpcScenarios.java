package dev.jworkers.runtime;

import static dev.jworkers.runtime.TestNode.binding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jworkers.runtime.TestNode.Spec;

/**
 * JS RPC and service bindings between three Workers in one runtime (front -> mid -> back), checked
 * against what workerd does for the same calls: see runtime/src/test/resources/rpc/. Run on one shard
 * by {@link JsRpcTest}, and across shards by {@link JsRpcCrossShardTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RpcScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    TestNode node;

    /** On how many shards back is loaded (0: all). */
    abstract int backShards();

    abstract int shards();

    @BeforeAll
    void start() throws Exception {
        node = TestNode.workers(shards(),
                new Spec("front", resource("front.js"), List.of(binding("SVC", "back"), binding("API", "back", "Api"),
                        binding("MID", "mid"), binding("NOPE", "back", "Nope"))),
                new Spec("mid", resource("mid.js"), List.of(binding("BACK", "back", "Api"))),
                new Spec("back", resource("back.js"), List.of(), backShards()));
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    /** Runs a scenario on a new connection (connections are spread over the shards in turn). */
    JsonNode run(String scenario) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var r = client.send(HttpRequest.newBuilder(node.uri("/" + scenario)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body() + "\n" + TestNode.output());
            return JSON.readTree(r.body());
        }
    }

    @Test
    void methodsPropertiesStubsAndCallbacks() throws Exception {
        JsonNode r = run("basic");
        assertEquals(5, r.get("add").asInt());
        assertEquals(42, r.get("answer").asInt(), "a getter on the entrypoint's class");
        assertEquals("pong", r.get("ping").asText(), "a method of the default entrypoint");
        assertTrue(r.get("sameEnv").asBoolean(), "cloudflare:workers' env is the entrypoint's env");
        assertEquals("[1,6,6]", r.get("inc").toString(), "an RpcTarget keeps its state between calls");
        assertEquals("The RPC receiver does not implement the method \"secret\".", r.at("/ownHidden/error/message").asText());
        assertEquals(7, r.get("pipelined").asInt(), "a call on an unawaited result is pipelined");
        assertEquals(3, r.get("pipelinedChild").asInt());
        assertEquals("[100,200]", r.get("callback").toString(), "a function argument calls back into the caller");
        assertEquals("function", r.get("typeofStub").asText());
        assertEquals("[object Fetcher]", r.get("fetcherTag").asText());
        assertEquals("[\"n\",[1,2],2,42]", r.get("nested").toString(), "stubs and functions inside a returned object");
        assertEquals("hi there", r.get("localStub").asText(), "new RpcStub(target) in the same Worker");
        assertEquals("{\"d\":5,\"m\":\"a\",\"bytes\":[1,2],\"big\":\"10\",\"hole\":false}", r.get("echoed").toString(),
                "structured-clone types survive the round trip");
    }

    @Test
    void errorsArriveWithNameMessageAndOwnProperties() throws Exception {
        JsonNode r = run("errors");
        JsonNode fail = r.get("fail");
        assertEquals("RangeError", fail.get("ctor").asText());
        assertEquals("out of range", fail.get("message").asText());
        assertEquals("E_RANGE", fail.get("code").asText());
        assertEquals("{\"at\":3}", fail.get("detail").toString());
        assertTrue(fail.get("remote").asBoolean());
        assertEquals("RangeError: out of range", fail.get("stackHead").asText());
        assertTrue(r.get("instanceofRange").asBoolean());
        assertEquals("AppError", r.at("/custom/name").asText());
        assertEquals("Error", r.at("/custom/ctor").asText());
        assertEquals("AppError: nope", r.at("/custom/stackHead").asText());
        assertEquals("plain", r.at("/string/message").asText(), "a thrown non-Error becomes an Error");
        assertEquals("The RPC receiver does not implement the method \"nope\".", r.at("/missing/message").asText());
        assertEquals("TypeError", r.at("/missing/ctor").asText());
        assertEquals("The RPC receiver does not implement the method \"nope\".", r.at("/missingProp/message").asText());
        assertEquals("DataCloneError", r.at("/symbolArg/name").asText());
        assertEquals("Symbol(s) could not be cloned.", r.at("/symbolArg/message").asText());
        assertEquals("Could not serialize object of type \"Foo\". This type does not support serialization.", r.at("/classArg/message").asText());
        assertEquals("Could not serialize object of type \"Point\". This type does not support serialization.", r.at("/classResult/message").asText());
        assertTrue(r.at("/classResult/remote").asBoolean(), "a result that cannot be serialized rejects the call");
        assertEquals("The Worker has no export \"Nope\".", r.at("/noEntrypoint/message").asText());
    }

    @Test
    void disposedStubsFailAndDupsLive() throws Exception {
        JsonNode r = run("lifetimes");
        assertEquals("RPC stub used after being disposed.", r.at("/afterDispose/message").asText());
        assertEquals(2, r.get("dupStillWorks").asInt());
        assertEquals("RPC stub used after being disposed.", r.get("dupOfDisposed").asText());
    }

    @Test
    void stubsAreReleasedWhenTheirRequestEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            for (String s : List.of("basic", "lifetimes", "three", "errors")) run(s);
        }
        assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> node.node.shards().liveExports() == 0),
                "exports still referenced: " + node.node.shards().liveExports());
    }

    @Test
    void callsOnOneStubArriveInOrder() throws Exception {
        JsonNode r = run("eorder");
        assertEquals(IntStream.range(0, 200).boxed().toList().toString().replace(" ", ""), r.get("order").toString());
        assertEquals(IntStream.rangeClosed(1, 200).boxed().toList().toString().replace(" ", ""), r.get("lengths").toString());
        assertEquals(IntStream.rangeClosed(1, 100).boxed().toList().toString().replace(" ", ""), r.get("incs").toString());
    }

    @Test
    void threeWorkersForwardCallbacksAndStubs() throws Exception {
        JsonNode r = run("three");
        assertEquals("[\"front saw 1\",\"front saw 2\"]", r.get("relay").toString(), "back calls front's function through mid");
        assertEquals("[4,4]", r.get("forwardedStub").toString(), "a stub mid received from back, used by front");
        assertEquals(50, r.get("viaBoth").asInt());
    }

    @Test
    void fetchOverAServiceBinding() throws Exception {
        JsonNode r = run("fetch");
        assertEquals(201, r.get("status").asInt());
        assertEquals("yes", r.get("header").asText());
        assertEquals("POST /path t1 payload", r.get("text").asText());
        assertEquals("api /a", r.get("api").asText(), "the binding's entrypoint handles fetch");
        assertEquals("TypeError", r.at("/thrown/ctor").asText(), "the callee's error rejects the caller's fetch()");
        assertEquals("fetch failed here", r.at("/thrown/message").asText());
        assertEquals(1 << 20, r.get("streamLength").asInt(), "a streamed body arrives whole");
        assertEquals(16384L * 2016, r.get("streamSum").asLong());
        assertTrue(r.get("cancelled").asBoolean(), "cancelling the caller's body cancels the callee's stream");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RpcScenarios.class.getResourceAsStream("/rpc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
