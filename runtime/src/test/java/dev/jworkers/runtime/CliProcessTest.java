package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI as users run it: a real child JVM, its exit status and its output. */
class CliProcessTest {
    private Path dir;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jworkers-cli");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Process p : started) p.destroyForcibly();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Process launch(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.jworkers.runtime.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        started.add(p);
        return p;
    }

    private record Result(int status, String out, String err) {}

    private Result run(String... args) throws Exception {
        Process p = launch(args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits");
        return new Result(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void helpExitsZero() throws Exception {
        Result r = run("serve", "--help");
        assertEquals(0, r.status);
        assertTrue(r.out.contains("Usage: runtime serve [PATH] [options]") && r.out.contains("--no-jit"), r.out);
        Result top = run("--help");
        assertEquals(0, top.status);
        assertTrue(top.out.contains("serve [PATH]"));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        Files.writeString(dir.resolve("w.js"), "export default { fetch() { return new Response('x'); } };");
        for (String[] args : new String[][] {
                {"serve", "w.js", "--bogus"}, {"serve", "missing.js"}, {"serve", "w.js", "--port", "abc"},
                {"serve", "w.js", "--port"}, {"serve", "w.js", "--env", "prod"}, {"frobnicate"}, {}, {"serve"},
                {"serve", "w.js", "--global-outbound", "nowhere"}, {"serve", "w.js", "--global-outbound", "127.0.0.1:0"},
                {"serve", "w.js", "--outbound-ca", "missing.pem"}}) {
            Result r = run(args);
            assertEquals(2, r.status, String.join(" ", args) + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
            assertFalse(r.err.contains("Exception"), r.err);
        }
        assertTrue(run("serve", "missing.js").err.contains("no such file or directory: missing.js"));
        assertTrue(run("serve", "w.js", "--bogus").err.contains("unknown option '--bogus'"));
        assertTrue(run("serve", "w.js", "--global-outbound", "nowhere").err.contains("--global-outbound: expected host:port"));
        assertTrue(run("serve", "w.js", "--outbound-ca", "missing.pem").err.contains("--outbound-ca: no such file: missing.pem"));
    }

    @Test
    void syntaxErrorExitsWithFileLineAndReason() throws Exception {
        Files.writeString(dir.resolve("bad.js"), "export default {\n  fetch() {\n    return new Response('x';\n  }\n};\n");
        Result r = run("serve", "bad.js", "--port", "0");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("bad.js:3:") && r.err.contains("SyntaxError"), r.err);
        assertFalse(r.err.contains("at org.graalvm") || r.err.contains("Exception"), r.err);
    }

    @Test
    void missingFetchHandlerAndTopLevelErrorsExitNonZero() throws Exception {
        Files.writeString(dir.resolve("nofetch.js"), "export default { hello() {} };\n");
        Result r = run("serve", "nofetch.js", "--port", "0");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("nofetch.js: no fetch handler"), r.err);

        Files.writeString(dir.resolve("sw.js"), "addEventListener('scheduled', () => {});\n");
        Result sw = run("serve", "sw.js", "--port", "0");
        assertEquals(1, sw.status);
        assertTrue(sw.err.contains("sw.js: no fetch handler"), sw.err);

        Files.writeString(dir.resolve("throws.js"), "const x = 1;\nnull.boom;\nexport default { fetch() {} };\n");
        Result t = run("serve", "throws.js", "--port", "0");
        assertEquals(1, t.status);
        assertTrue(t.err.contains("throws.js:2:") && t.err.contains("TypeError"), t.err);
    }

    @Test
    void wranglerConfigErrorsNameFileAndField() throws Exception {
        Files.writeString(dir.resolve("wrangler.jsonc"), "{ \"name\": \"x\", \"main\": 42 }");
        Result r = run("serve", "--port", "0");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("wrangler.jsonc: field 'main': expected a string"), r.err);
    }

    @Test
    void sigtermLetsInFlightRequestsFinishThenExitsZero() throws Exception {
        Files.writeString(dir.resolve("wrangler.toml"), """
                name = "slow"
                main = "slow.js"
                compatibility_date = "2026-11-01"
                unknown_field = true
                """);
        Files.writeString(dir.resolve("slow.js"), """
                export default { async fetch() {
                  console.log('request started');
                  await new Promise(r => setTimeout(r, 1500));
                  return new Response('finished');
                } };
                """);
        Process p = launch("serve", "--port", "0", "--shards", "1", "--no-jit");
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        assertTrue(line != null && line.startsWith("Listening on http://127.0.0.1:"), String.valueOf(line));
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
        assertTrue(m.find());
        URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/");
        try (HttpClient client = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // SIGTERM only once the Worker is handling the request.
            String started;
            do {
                started = stdout.readLine();
            } while (started != null && !started.equals("[slow] request started"));
            assertEquals("[slow] request started", started);
            p.toHandle().destroy(); // SIGTERM
            HttpResponse<String> r = slow.get(20, TimeUnit.SECONDS);
            assertEquals("finished", r.body());
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            // New connections are refused once stopping has begun.
            assertTrue(assertThrowsIo(() -> client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())));
        }
        String log = err.get(10, TimeUnit.SECONDS);
        assertTrue(log.contains("field 'unknown_field' is not supported yet and is ignored"), log);
        assertTrue(log.contains("stopping"), log);
    }

    @Test
    void runtimeConfigServesSeveralWorkersOnTheirListeners() throws Exception {
        for (String name : List.of("api", "front")) {
            Files.createDirectories(dir.resolve(name));
            Files.writeString(dir.resolve(name + "/wrangler.jsonc"), "{ \"name\": \"" + name + "\", \"main\": \"index.js\" }");
            Files.writeString(dir.resolve(name + "/index.js"), "export default { fetch() { return new Response('" + name + "'); } };");
        }
        Files.writeString(dir.resolve("runtime.jsonc"), """
                { "workers": [{ "config": "./api/wrangler.jsonc" }, { "config": "./front" }],
                  // port 0: a free port each
                  "listeners": [
                    { "address": "127.0.0.1:0", "worker": "front" },
                    { "address": "127.0.0.1:0", "hosts": { "api.example.com": "api" } } ],
                  "cluster": {} }
                """);
        Process p = launch("serve", "runtime.jsonc", "--shards", "1", "--no-jit");
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = List.of(String.valueOf(stdout.readLine()), String.valueOf(stdout.readLine()), String.valueOf(stdout.readLine()));
        Matcher first = Pattern.compile("^Listening on http://127\\.0\\.0\\.1:(\\d+)/ \\(worker \"front\"\\)$").matcher(lines.get(0));
        Matcher second = Pattern.compile("^Listening on http://127\\.0\\.0\\.1:(\\d+)/ \\(hosts api\\.example\\.com -> \"api\"; otherwise 404\\)$")
                .matcher(lines.get(1));
        assertTrue(first.find() && second.find(), lines.toString());
        assertTrue(lines.get(2).startsWith("Serving 2 Workers (api, front), 1 shard, ready "), lines.toString());
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> front = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.group(1) + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("front", front.body());
        }
        try (RawHttp c = new RawHttp(Integer.parseInt(second.group(1)))) {
            String r = c.send("GET / HTTP/1.1\r\nHost: api.example.com\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(r.endsWith("\r\n\r\napi"), r);
        }
        p.toHandle().destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(err.get(10, TimeUnit.SECONDS).contains("runtime.jsonc: field 'cluster' is not supported yet and is ignored"));
    }

    @Test
    void runtimeConfigUsageAndConfigErrors() throws Exception {
        Files.writeString(dir.resolve("w.js"), "export default { fetch() { return new Response('x'); } };");
        Files.writeString(dir.resolve("runtime.jsonc"), """
                { "workers": [{ "config": "w.js" }], "listeners": [{ "address": "0", "worker": "nope" }] }
                """);
        Result port = run("serve", "runtime.jsonc", "--port", "9000");
        assertEquals(2, port.status, port.err);
        assertEquals("runtime serve: --host and --port do not apply to a runtime config: its \"listeners\" say where to listen"
                + " (see runtime serve --help)", port.err.strip());
        Result env = run("serve", "runtime.jsonc", "--env", "prod");
        assertEquals(2, env.status, env.err);
        Result bad = run("serve", "runtime.jsonc");
        assertEquals(1, bad.status, bad.err);
        assertTrue(bad.err.contains("runtime.jsonc: field 'listeners[0].worker': no Worker named 'nope' is loaded (loaded Workers: w)"), bad.err);
    }

    @Test
    void aServiceBindingToAWorkerThatIsNotLoadedStopsStartUp() throws Exception {
        Files.writeString(dir.resolve("w.js"), "export default { fetch() { return new Response('x'); } };");
        Files.writeString(dir.resolve("wrangler.jsonc"), """
                { "name": "app", "main": "w.js", "services": [{ "binding": "AUTH", "service": "auth" }] }
                """);
        Result r = run("serve", "--port", "0");
        assertEquals(1, r.status, r.err);
        assertTrue(r.err.contains("wrangler.jsonc: service binding 'AUTH' of Worker 'app' names Worker 'auth', which is not loaded"
                + " (loaded Workers: app; a runtime config serves several Workers together, see docs/CONFIG.md)"), r.err);
    }

    private interface IoCall { Object call() throws Exception; }

    private static boolean assertThrowsIo(IoCall c) {
        try {
            c.call();
            return false;
        } catch (Exception e) {
            return true;
        }
    }
}
