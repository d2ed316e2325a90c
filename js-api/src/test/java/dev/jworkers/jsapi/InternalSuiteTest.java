package dev.jworkers.jsapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the JS suites in {@code src/test/resources/internal/*.test.js} in a Context with the whole
 * js-api bootstrap, giving them {@code internal}: for code that Worker scripts cannot reach
 * directly (e.g. the multipart/form-data codec before Request/Response use it).
 */
class InternalSuiteTest {

    /** ops.console and ops.timers: enough for the bootstrap to install. */
    public static final class StubOps {
        @HostAccess.Export public void write(int level, String text) { System.out.println(text); }
        @HostAccess.Export public void set(int id, double delay) {}
        @HostAccess.Export public void clear(int id) {}
        @HostAccess.Export public void init(Object fire) {}
    }

    @TestFactory
    Stream<DynamicNode> suites() throws IOException, URISyntaxException {
        Path dir = Path.of(InternalSuiteTest.class.getResource("/internal/harness.js").toURI()).getParent();
        List<DynamicNode> nodes = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path suite : files.filter(p -> p.getFileName().toString().endsWith(".test.js")).sorted().toList()) {
                nodes.add(DynamicContainer.dynamicContainer(suite.getFileName().toString(), run(dir, suite)));
            }
        }
        return nodes.stream();
    }

    private static List<DynamicTest> run(Path dir, Path suite) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Context context = Context.newBuilder("js")
                .allowHostAccess(HostAccess.newBuilder().allowAccessAnnotatedBy(HostAccess.Export.class).build())
                .allowExperimentalOptions(true)
                .option("engine.WarnInterpreterOnly", "false")
                .option("js.console", "false")
                .build()) {
            StubOps stub = new StubOps();
            Value internal = JsApi.install(context, Map.of("console", stub, "timers", stub), List.of());
            Value harness = context.eval(Source.newBuilder("js", Files.readString(dir.resolve("harness.js")), "harness.js").build()).execute();
            Value body = context.eval(Source.newBuilder("js", Files.readString(suite), suite.getFileName().toString()).build());
            body.execute(internal, harness.getMember("test"), harness.getMember("assert"));
            harness.getMember("run").execute();
            Value state = harness.getMember("state");
            // Promise jobs run when a top-level call returns; a few more calls settle async tests.
            for (int i = 0; i < 1000 && !state.getMember("done").asBoolean(); i++) context.eval("js", "0");
            assertTrue(state.getMember("done").asBoolean(), suite + " did not finish");
            Value results = state.getMember("results");
            for (long i = 0; i < results.getArraySize(); i++) {
                Value r = results.getArrayElement(i);
                String name = r.getMember("name").asString();
                boolean ok = r.getMember("ok").asBoolean();
                String error = r.getMember("error").asString();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (!ok) throw new AssertionError(name + ": " + error);
                }));
            }
        }
        return tests;
    }
}
