package dev.jworkers.cluster.rpc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The scenarios {@code interop client} runs against a server, and the echo semantics a server
 * must have for them to pass (the C++ {@code interop serve} has them; a Java server under test
 * implements the same). Source of truth: the comment at the top of
 * {@code cluster/src/test/cpp/interop.c++}.
 *
 * <p>Echo semantics:
 * <ul>
 *   <li>{@code Node.getActor(ns, id, name)} returns an Actor remembering ns, id and name.
 *   <li>{@code Actor.call(method, args)}: {@code "throw"} fails the call with an exception whose
 *       reason contains {@code "boom"}; {@code "whoami"} returns the UTF-8 bytes of
 *       {@code ns + "/" + id + "/" + name}; any other method returns the UTF-8 bytes of
 *       {@code method + ":"} followed by the args bytes; {@code threw} is false.
 *   <li>{@code Actor.fetch(request, responder)} returns a ByteStream that collects the request
 *       body. Its {@code end()} calls {@code responder.start(HttpResponse{200, "OK", headers})}
 *       with headers {@code ("x-method", method)}, {@code ("x-url", url)}, then
 *       {@code ("x-echo-" + name, value)} per request header in order; writes the collected body
 *       to the returned stream as two chunks (the first {@code size / 2} bytes, then the rest;
 *       an empty chunk is not written, so an empty body gets no write); ends that stream; and
 *       returns only after that.
 * </ul>
 *
 * <p>Client scenarios, one stdout line each (see {@link #CLIENT_LINES}):
 * <ol>
 *   <li>{@code getActor(NAMESPACE, ID, NAME).actor.call("greet", "hello")}, the call pipelined on
 *       getActor's answer; then getActor's result is awaited and its actor kept;
 *   <li>{@code call("whoami")} on that actor;
 *   <li>{@code call("throw")} on it, which must fail; the line is {@code "throw "} and the
 *       exception description as the C++ RPC system reports it
 *       ({@code "remote exception: boom"} from the C++ server);
 *   <li>{@code getActor(...).actor.fetch(POST https://example.com/path, foo: bar, a C++
 *       Responder).requestBody}, all pipelined: writes {@code "hello "}, {@code "streaming "},
 *       {@code "world"}, then {@code end()}; the line shows the response the Responder got;
 *   <li>{@code fetch(GET https://example.com/empty, no headers)} on the kept actor, the request
 *       body ended without a write;
 *   <li>{@code done}.
 * </ol>
 * Any failure makes the client print {@code error <description>} and exit 1.
 */
public final class InteropScenario {

    public static final String NAMESPACE = "ns1";
    public static final String ID = "0123456789abcdef".repeat(4);
    public static final String NAME = "name1";

    /** The reason the echo actor's {@code "throw"} method fails with contains this. */
    public static final String THROWN = "boom";

    /**
     * What a passing {@code interop client} prints. The third line is only the prefix
     * {@code "throw "}: the rest is the exception description, which must contain
     * {@link #THROWN}.
     */
    public static final List<String> CLIENT_LINES = List.of(
            "call greet:hello",
            "whoami " + NAMESPACE + "/" + ID + "/" + NAME,
            "throw ",
            "fetch 200 OK x-method=POST x-url=https://example.com/path x-echo-foo=bar body=hello streaming world",
            "fetch 200 OK x-method=GET x-url=https://example.com/empty body=",
            "done");

    private InteropScenario() {}

    /** Fails unless {@code run} is an {@code interop client} run that passed every scenario. */
    public static void assertClientPassed(CppRun run) {
        assertEquals(0, run.exitCode(), run::describe);
        List<String> lines = run.stdout();
        assertEquals(CLIENT_LINES.size(), lines.size(), run::describe);
        for (int i = 0; i < CLIENT_LINES.size(); i++) {
            String expected = CLIENT_LINES.get(i), line = lines.get(i);
            if (expected.equals("throw ")) {
                assertTrue(line.startsWith(expected) && line.contains(THROWN), () -> "line " + line + " in\n" + run.describe());
            } else {
                assertEquals(expected, line, run::describe);
            }
        }
    }
}
