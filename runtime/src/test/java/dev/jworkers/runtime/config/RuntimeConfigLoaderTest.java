package dev.jworkers.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigLoaderTest {
    @TempDir Path dir;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void twoWorkers() throws Exception {
        Files.createDirectories(dir.resolve("api"));
        Files.createDirectories(dir.resolve("front"));
        Files.writeString(dir.resolve("api/index.js"), "export default {}");
        Files.writeString(dir.resolve("front/index.js"), "export default {}");
        Files.writeString(dir.resolve("api/wrangler.jsonc"), """
                { "name": "api", "main": "index.js", "services": [{ "binding": "FRONT", "service": "front" }],
                  "env": { "staging": { "vars": { "STAGE": "1" }, "services": [{ "binding": "FRONT", "service": "front" }] } } }
                """);
        Files.writeString(dir.resolve("front/wrangler.toml"), "name = \"front\"\nmain = \"index.js\"\n");
    }

    private RuntimeConfig load(String text) throws Exception {
        Path p = dir.resolve("runtime.jsonc");
        Files.writeString(p, text);
        return RuntimeConfigLoader.load(p, warnings::add);
    }

    /** Loads {@code text} as runtime.jsonc, expecting a ConfigException; returns its message after the file's path. */
    private String error(String text) {
        var e = assertThrows(ConfigException.class, () -> load(text));
        String prefix = dir.resolve("runtime.jsonc") + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e.getMessage().substring(prefix.length());
    }

    /** A runtime config with the two Workers and {@code listeners} (a JSON array). */
    private static String withListeners(String listeners) {
        return "{ \"workers\": [{ \"config\": \"api/wrangler.jsonc\" }, { \"config\": \"front\" }], \"listeners\": " + listeners + " }";
    }

    @Test
    void theDocumentedExampleLoads() throws Exception {
        RuntimeConfig c = load("""
                {
                  // every path is relative to this file
                  "workers": [
                    { "config": "./api/wrangler.jsonc", "env": "staging", "name": "api" },
                    { "config": "./front" },
                  ],
                  "listeners": [
                    { "address": "127.0.0.1:8080", "worker": "front" },
                    { "address": "0.0.0.0:8081", "hosts": { "API.example.com": "api", "*.example.com": "front" }, "worker": "front" },
                  ],
                  "storage": "./data",
                  "shards": 4,
                }
                """);
        assertEquals(List.of("api", "front"), c.workers().stream().map(WorkerConfig::name).toList());
        assertEquals("1", c.workers().get(0).vars().get("STAGE").text(), "env section applied");
        assertEquals(dir.resolve("front/index.js"), c.workers().get(1).main(), "a directory means its wrangler config");
        assertEquals(new Listener(new ListenAddress("127.0.0.1", 8080), "front", Map.of()), c.listeners().get(0));
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("api.example.com", "api");
        hosts.put("*.example.com", "front");
        assertEquals(new Listener(new ListenAddress("0.0.0.0", 8081), "front", hosts), c.listeners().get(1));
        assertEquals(dir.resolve("data"), c.storage());
        assertEquals(4, c.shards());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void optionalFieldsDefaultAndAScriptIsAWorkerToo() throws Exception {
        Files.writeString(dir.resolve("solo.js"), "export default {}");
        RuntimeConfig c = load("{ \"workers\": [{ \"config\": \"solo.js\" }], \"listeners\": [{ \"address\": \"9000\", \"worker\": \"solo\" }] }");
        assertEquals("solo", c.workers().get(0).name());
        assertNull(c.storage());
        assertNull(c.shards());
        assertEquals(new ListenAddress("127.0.0.1", 9000), c.listeners().get(0).address());
    }

    @Test
    void addressForms() {
        assertEquals(new ListenAddress("127.0.0.1", 8080), ListenAddress.parse("127.0.0.1:8080"));
        assertEquals(new ListenAddress("localhost", 80), ListenAddress.parse("localhost:80"));
        assertEquals(new ListenAddress("::1", 8081), ListenAddress.parse("[::1]:8081"));
        assertEquals(new ListenAddress("127.0.0.1", 8082), ListenAddress.parse(":8082"), "no host means loopback");
        assertEquals(new ListenAddress("127.0.0.1", 8083), ListenAddress.parse("8083"), "no host means loopback");
        assertEquals(new ListenAddress("0.0.0.0", 8084), ListenAddress.parse("*:8084"), "* means every interface");
        assertEquals("[::1]:8081", ListenAddress.parse("[::1]:8081").toString());
        for (String bad : new String[] {"localhost", "::1:80", "[::1]", "[::1]80", "h:65536", "h:-1", "h:", ""}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(bad), bad);
            assertEquals("expected host:port, [ipv6]:port, *:port or a port alone (loopback), with a port from 0 to 65535, got '"
                    + bad + "'", e.getMessage());
        }
    }

    @Test
    void workerErrors() throws Exception {
        assertEquals("field 'workers': expected a non-empty array of { config, env, name }", error("{ \"listeners\": [] }"));
        assertEquals("field 'workers': expected a non-empty array of { config, env, name }", error("{ \"workers\": [] }"));
        assertEquals("field 'workers[0]': expected an object with 'config' (the path of a wrangler config)",
                error("{ \"workers\": [\"api\"] }"));
        assertEquals("field 'workers[0].config': required: the path of the Worker's wrangler config (or its directory, or a .js entry file)",
                error("{ \"workers\": [{ \"env\": \"x\" }] }"));
        assertEquals("field 'workers[0].config': no such file or directory: nope/wrangler.jsonc",
                error("{ \"workers\": [{ \"config\": \"nope/wrangler.jsonc\" }] }"));
        Files.createDirectories(dir.resolve("empty"));
        assertEquals("field 'workers[0].config': no wrangler.jsonc, wrangler.json or wrangler.toml in empty",
                error("{ \"workers\": [{ \"config\": \"empty\" }] }"));
        Files.writeString(dir.resolve("s.js"), "export default {}");
        assertEquals("field 'workers[0].env': an environment needs a wrangler config, not a script",
                error("{ \"workers\": [{ \"config\": \"s.js\", \"env\": \"prod\" }] }"));
        assertEquals("field 'workers[1]': Worker name 'front' is already used by workers[0] (set \"name\" on one of them)",
                error("{ \"workers\": [{ \"config\": \"front\" }, { \"config\": \"front/wrangler.toml\" }] }"));
        assertEquals("field 'workers[0].name': must not be empty",
                error("{ \"workers\": [{ \"config\": \"front\", \"name\": \"\" }] }"));
        assertEquals("field 'workers[0].env': expected a string",
                error("{ \"workers\": [{ \"config\": \"front\", \"env\": 1 }] }"));
    }

    @Test
    void aWorkersOwnConfigErrorNamesItsFile() {
        var e = assertThrows(ConfigException.class, () -> load("{ \"workers\": [{ \"config\": \"api\", \"env\": \"prod\" }] }"));
        assertEquals(dir.resolve("api/wrangler.jsonc") + ": field 'env.prod': no such environment (defined: staging)", e.getMessage());
    }

    @Test
    void serviceBindingsMustNameALoadedWorker() {
        var e = assertThrows(ConfigException.class, () -> load("""
                { "workers": [{ "config": "api" }], "listeners": [{ "address": "0", "worker": "api" }] }
                """));
        assertEquals(dir.resolve("api/wrangler.jsonc") + ": service binding 'FRONT' of Worker 'api' names Worker 'front', which is"
                + " not loaded (loaded Workers: api; a runtime config serves several Workers together, see docs/CONFIG.md)", e.getMessage());
        var renamed = assertThrows(ConfigException.class, () -> load("""
                { "workers": [{ "config": "api" }, { "config": "front", "name": "web" }], "listeners": [{ "address": "0", "worker": "api" }] }
                """));
        assertTrue(renamed.getMessage().endsWith("names Worker 'front', which is not loaded (loaded Workers: api, web)"), renamed.getMessage());
    }

    @Test
    void uniqueKeysNameDurableObjectNamespacesAndAreChecked() throws Exception {
        RuntimeConfig c = load("""
                { "workers": [{ "config": "api", "uniqueKeys": { "Counter": "prod.counter-v1" } }, { "config": "front" }],
                  "listeners": [{ "address": "0", "worker": "api" }] }
                """);
        assertEquals("prod.counter-v1", c.workers().get(0).uniqueKey("Counter"));
        assertEquals("api-Other", c.workers().get(0).uniqueKey("Other"), "the default: <worker>-<class>");
        for (String bad : new String[] {"../x", "a/b", "", ".hidden", "-x", "\\u00e9"}) {
            var e = assertThrows(ConfigException.class, () -> load("{ \"workers\": [{ \"config\": \"api\", \"uniqueKeys\": { \"C\": \""
                    + bad + "\" } }, { \"config\": \"front\" }], \"listeners\": [{ \"address\": \"0\", \"worker\": \"api\" }] }"));
            assertTrue(e.getMessage().endsWith("field 'workers[0].uniqueKeys.C': expected a unique key of letters, digits, '.', '_' and '-'"
                    + " (at most 128, not starting with '.' or '-'): it names the class's storage folder"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void listenerErrors() {
        assertEquals("field 'listeners': expected a non-empty array of { address, worker, hosts }",
                error("{ \"workers\": [{ \"config\": \"api\" }, { \"config\": \"front\" }] }"));
        assertEquals("field 'listeners': expected a non-empty array of { address, worker, hosts }", error(withListeners("[]")));
        assertEquals("field 'listeners[0]': expected an object with 'address' and 'worker' or 'hosts'", error(withListeners("[8080]")));
        assertEquals("field 'listeners[0].address': required: host:port to listen on", error(withListeners("[{ \"worker\": \"api\" }]")));
        assertEquals("field 'listeners[0].address': expected host:port, [ipv6]:port, *:port or a port alone (loopback), with a port"
                + " from 0 to 65535, got 'localhost'", error(withListeners("[{ \"address\": \"localhost\", \"worker\": \"api\" }]")));
        assertEquals("field 'listeners[0]': needs 'worker' (the Worker that answers) or 'hosts' (Host header to Worker)",
                error(withListeners("[{ \"address\": \"8080\" }]")));
        assertEquals("field 'listeners[0].worker': no Worker named 'back' is loaded (loaded Workers: api, front)",
                error(withListeners("[{ \"address\": \"8080\", \"worker\": \"back\" }]")));
        assertEquals("field 'listeners[1].address': 127.0.0.1:8080 is already used by listeners[0]",
                error(withListeners("[{ \"address\": \"8080\", \"worker\": \"api\" }, { \"address\": \"127.0.0.1:8080\", \"worker\": \"front\" }]")));
    }

    @Test
    void hostRouteErrors() {
        assertEquals("field 'listeners[0].hosts': expected an object of host names (or *.suffix) to Worker names",
                error(withListeners("[{ \"address\": \"8080\", \"hosts\": [\"api\"] }]")));
        assertEquals("field 'listeners[0].hosts[\"b.example.com\"]': no Worker named 'back' is loaded (loaded Workers: api, front)",
                error(withListeners("[{ \"address\": \"8080\", \"hosts\": { \"b.example.com\": \"back\" } }]")));
        assertEquals("field 'listeners[0].hosts[\"a.example.com\"]': expected the name of a Worker",
                error(withListeners("[{ \"address\": \"8080\", \"hosts\": { \"a.example.com\": 1 } }]")));
        for (String bad : new String[] {"a.example.com:8080", "http://a.example.com", "a.example.com/x", "*example.com", "a.*.com", "*", ""}) {
            assertEquals("field 'listeners[0].hosts[\"" + bad + "\"]': expected a host name such as api.example.com, or *.example.com for"
                    + " every name under example.com (no scheme, port or path)",
                    error(withListeners("[{ \"address\": \"8080\", \"hosts\": { \"" + bad + "\": \"api\" } }]")), bad);
        }
        assertEquals("field 'listeners[0].hosts[\"API.example.com\"]': host 'api.example.com' is already routed by"
                + " listeners[0].hosts[\"api.example.com\"]",
                error(withListeners("[{ \"address\": \"8080\", \"hosts\": { \"api.example.com\": \"api\", \"API.example.com\": \"front\" } }]")));
    }

    @Test
    void hostPatternsAreNormalised() throws Exception {
        RuntimeConfig c = load(withListeners("[{ \"address\": \"8080\", \"hosts\": { \"Api.Example.COM.\": \"api\", \"[::1]\": \"front\","
                + " \"10.0.0.1\": \"front\", \"*.Example.com\": \"front\" } }]"));
        assertEquals(List.of("api.example.com", "[::1]", "10.0.0.1", "*.example.com"), List.copyOf(c.listeners().get(0).hosts().keySet()));
        assertNull(c.listeners().get(0).worker(), "no fallback: unmatched hosts get 404");
    }

    @Test
    void portZeroMayRepeatAndOtherFieldsAreChecked() throws Exception {
        RuntimeConfig c = load(withListeners("[{ \"address\": \"0\", \"worker\": \"api\" }, { \"address\": \"0\", \"worker\": \"front\" }]"));
        assertEquals(2, c.listeners().size(), "port 0 picks a free port each time");
        Files.writeString(dir.resolve("afile"), "");
        String base = "{ \"workers\": [{ \"config\": \"front\" }], \"listeners\": [{ \"address\": \"0\", \"worker\": \"front\" }], ";
        assertEquals("field 'storage': not a directory: afile", error(base + "\"storage\": \"afile\" }"));
        assertEquals("field 'storage': expected a string", error(base + "\"storage\": 1 }"));
        assertEquals("field 'shards': expected an integer from 1 to 1024", error(base + "\"shards\": 0 }"));
        assertEquals("field 'shards': expected an integer from 1 to 1024", error(base + "\"shards\": 1.5 }"));
        assertEquals("field 'shards': expected an integer from 1 to 1024", error(base + "\"shards\": \"4\" }"));
    }

    @Test
    void unknownFieldsAndClusterAreWarnedAbout() throws Exception {
        load("""
                { "workers": [{ "config": "front", "routes": [] }],
                  "listeners": [{ "address": "0", "worker": "front", "tls": {} }],
                  "cluster": { "nodes": 3 } }
                """);
        String file = dir.resolve("runtime.jsonc").toString();
        assertTrue(warnings.contains(file + ": field 'cluster' is not supported yet and is ignored"), warnings.toString());
        assertTrue(warnings.contains(file + ": field 'workers[0].routes' is not supported yet and is ignored"), warnings.toString());
        assertTrue(warnings.contains(file + ": field 'listeners[0].tls' is not supported yet and is ignored"), warnings.toString());
    }

    @Test
    void whatCountsAsARuntimeConfig() throws Exception {
        Files.writeString(dir.resolve("runtime.json"), "not even JSON");
        assertTrue(RuntimeConfigLoader.isRuntimeConfig(dir.resolve("runtime.json")), "by name");
        Files.writeString(dir.resolve("deploy.jsonc"), "{ // a comment\n \"workers\": [] }");
        assertTrue(RuntimeConfigLoader.isRuntimeConfig(dir.resolve("deploy.jsonc")), "by its workers key");
        assertFalse(RuntimeConfigLoader.isRuntimeConfig(dir.resolve("api/wrangler.jsonc")));
        assertFalse(RuntimeConfigLoader.isRuntimeConfig(dir.resolve("front/wrangler.toml")));
        var e = assertThrows(ConfigException.class, () -> RuntimeConfigLoader.load(dir.resolve("runtime.json"), warnings::add));
        assertTrue(e.getMessage().startsWith(dir.resolve("runtime.json") + ": not valid JSON: "), e.getMessage());
    }

    @Test
    void aWorkerReachedOnlyByBindingsMayRunOnFewerShards() throws Exception {
        RuntimeConfig c = load("{ \"workers\": [{ \"config\": \"api/wrangler.jsonc\", \"shards\": 1 }, { \"config\": \"front\" }],"
                + " \"listeners\": [{ \"address\": \":0\", \"worker\": \"front\" }] }");
        assertEquals(1, c.workers().get(0).shards());
        assertEquals(0, c.workers().get(1).shards(), "default: every shard");

        assertEquals("field 'workers[1].shards': Worker 'front' is served by the listener on 127.0.0.1:0, so it runs on every"
                + " shard; only Workers reached through bindings may be placed on fewer shards",
                error("{ \"workers\": [{ \"config\": \"api/wrangler.jsonc\" }, { \"config\": \"front\", \"shards\": 1 }],"
                        + " \"listeners\": [{ \"address\": \":0\", \"worker\": \"front\" }] }"));
        assertEquals("field 'workers[0].shards': expected an integer from 1 to 1024",
                error("{ \"workers\": [{ \"config\": \"api/wrangler.jsonc\", \"shards\": 0 }, { \"config\": \"front\" }],"
                        + " \"listeners\": [{ \"address\": \":0\", \"worker\": \"front\" }] }"));
    }
}
