package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.server.ServerLimits;

/**
 * Runs every {@code src/test/resources/webapi/*.test.js} suite inside a real Worker served over
 * HTTP, and reports each JS test as a JUnit test. Suites named {@code *.wpt.test.js} import the
 * web-platform-tests data from {@code ../shared/wpt-data} (copied into the Worker's bundle as
 * {@code wpt/...}); without that folder they are reported as skipped. Known failures, listed in
 * {@code webapi/known-failures.txt} as "suite|test name" lines (each also explained in
 * docs/CONFORMANCE.md), are reported but do not fail the build.
 */
class WebApiSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> suites() throws Exception {
        Path dir = resources();
        List<DynamicNode> nodes = new ArrayList<>();
        Set<String> known = knownFailures(dir);
        try (var files = Files.list(dir)) {
            for (Path suite : files.filter(p -> p.getFileName().toString().endsWith(".test.js")).sorted().toList()) {
                nodes.add(suite(dir, suite, known));
            }
        }
        return nodes.stream();
    }

    private DynamicNode suite(Path dir, Path suite, Set<String> known) throws Exception {
        String name = suite.getFileName().toString();
        Path wpt = wptData();
        if (name.endsWith(".wpt.test.js") && wpt == null) {
            return DynamicTest.dynamicTest(name + " (skipped)", () -> Assumptions.abort(
                    "../shared/wpt-data is absent: web-platform-tests data suites cannot run here"));
        }
        Path bundle = Files.createTempDirectory("jworkers-webapi");
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.copy(f, bundle.resolve(f.getFileName()));
        }
        if (name.endsWith(".wpt.test.js")) copyTree(wpt, bundle.resolve("wpt"));
        Files.writeString(bundle.resolve("entry.js"), """
                import { run } from './harness.js';
                import './%s';
                export default { async fetch(request) {
                  globalThis.__incomingRequest = request;
                  return Response.json(await run());
                } };
                """.formatted(name));
        WorkerConfig cfg = new WorkerConfig("webapi", bundle.toRealPath(), bundle.resolve("entry.js").toRealPath(), null, Map.of(), 120_000);
        JsonNode results;
        try (TestNode node = TestNode.serve(cfg, 1, ServerLimits.DEFAULT, bundle)) {
            var r = node.get("/");
            assertEquals(200, r.statusCode(), "suite " + name + " did not run: " + r.body() + "\n" + TestNode.output());
            results = JSON.readTree(r.body());
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode t : results) {
            String test = t.get("name").asText();
            boolean ok = t.get("ok").asBoolean();
            String error = t.has("error") ? t.get("error").asText() : "";
            boolean expected = known.contains(name + "|" + test);
            int colon = test.indexOf(": ");
            int[] c = counts.computeIfAbsent(colon > 0 ? test.substring(0, colon) : name, k -> new int[3]);
            c[ok ? 0 : expected ? 2 : 1]++;
            tests.add(DynamicTest.dynamicTest(test, () -> {
                if (!ok && expected) Assumptions.abort("known failure (docs/CONFORMANCE.md): " + error);
                if (!ok) throw new AssertionError(error);
            }));
        }
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            System.out.println(e.getKey() + ": " + c[0] + " passed, " + c[1] + " failed"
                    + (c[2] > 0 ? ", " + c[2] + " known failures" : ""));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    private static Path resources() throws URISyntaxException {
        return Path.of(WebApiSuiteTest.class.getResource("/webapi/harness.js").toURI()).getParent();
    }

    /** {@code ../shared/wpt-data} beside the project root, or null. */
    static Path wptData() {
        Path root = Path.of(System.getProperty("jworkers.projectRoot", ".."));
        Path p = root.resolve("../shared/wpt-data").normalize();
        return Files.isDirectory(p) ? p : null;
    }

    private static Set<String> knownFailures(Path dir) throws IOException {
        Path f = dir.resolve("known-failures.txt");
        if (!Files.exists(f)) return Set.of();
        return Set.copyOf(Files.readAllLines(f).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else try (InputStream in = Files.newInputStream(p)) { Files.copy(in, target); }
            }
        }
    }
}
