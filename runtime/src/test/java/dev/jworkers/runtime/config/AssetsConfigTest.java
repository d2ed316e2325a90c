package dev.jworkers.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wrangler's {@code assets} section, the Workers it makes possible (assets only), and its errors. */
class AssetsConfigTest {
    @TempDir Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("index.js"), "export default {}");
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("not-a-dir"), "x");
    }

    private WorkerConfig load(String text, List<String> warnings) throws Exception {
        Path p = dir.resolve("wrangler.jsonc");
        Files.writeString(p, text);
        return WranglerConfigLoader.load(p, warnings::add);
    }

    private WorkerConfig load(String text) throws Exception {
        return load(text, new ArrayList<>());
    }

    /** The message after {@code <file>: }. */
    private String error(String text) {
        var e = assertThrows(ConfigException.class, () -> load(text));
        String prefix = dir.resolve("wrangler.jsonc") + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e.getMessage().substring(prefix.length());
    }

    private static String withAssets(String members) {
        return "{ \"name\": \"w\", \"main\": \"index.js\", \"compatibility_date\": \"2025-06-01\", \"assets\": { " + members + " } }";
    }

    @Test
    void defaultsAndEveryField() throws Exception {
        WorkerConfig c = load(withAssets("\"directory\": \"./public\""));
        WorkerConfig.Assets a = c.assets();
        assertEquals(dir.resolve("public"), a.directory());
        assertNull(a.binding());
        assertEquals(WorkerConfig.HtmlHandling.AUTO_TRAILING_SLASH, a.htmlHandling());
        assertEquals(WorkerConfig.NotFoundHandling.NONE, a.notFoundHandling());
        assertFalse(a.runWorkerFirst());
        assertEquals(List.of(), a.workerFirstRoutes());
        assertTrue(a.navigationPrefersAssets(), "2025-06-01 is after 2025-04-01");

        a = load(withAssets("\"directory\": \"public\", \"binding\": \"ASSETS\", \"html_handling\": \"drop-trailing-slash\","
                + " \"not_found_handling\": \"single-page-application\", \"run_worker_first\": [\"/api/*\", \"!/api/docs/*\"]")).assets();
        assertEquals("ASSETS", a.binding());
        assertEquals(WorkerConfig.HtmlHandling.DROP_TRAILING_SLASH, a.htmlHandling());
        assertEquals(WorkerConfig.NotFoundHandling.SINGLE_PAGE_APPLICATION, a.notFoundHandling());
        assertEquals(List.of("/api/*", "!/api/docs/*"), a.workerFirstRoutes());
        assertFalse(a.runWorkerFirst());
        for (String mode : new String[] {"force-trailing-slash", "none"}) {
            assertEquals(mode, load(withAssets("\"directory\": \"public\", \"html_handling\": \"" + mode + "\"")).assets().htmlHandling().configName);
        }
        assertEquals(WorkerConfig.NotFoundHandling.PAGE_404,
                load(withAssets("\"directory\": \"public\", \"not_found_handling\": \"404-page\"")).assets().notFoundHandling());
        assertTrue(load(withAssets("\"directory\": \"public\", \"binding\": \"A\", \"run_worker_first\": true")).assets().runWorkerFirst());
        assertNull(load("{ \"main\": \"index.js\" }").assets());
    }

    @Test
    void tomlToo() throws Exception {
        Path p = dir.resolve("wrangler.toml");
        Files.writeString(p, """
                name = "t"
                main = "index.js"
                [assets]
                directory = "./public/"
                binding = "ASSETS"
                run_worker_first = ["/api/*"]
                """);
        WorkerConfig.Assets a = WranglerConfigLoader.load(p, w -> {}).assets();
        assertEquals(dir.resolve("public"), a.directory());
        assertEquals("ASSETS", a.binding());
        assertEquals(List.of("/api/*"), a.workerFirstRoutes());
    }

    @Test
    void mainIsOptionalWithAssets() throws Exception {
        WorkerConfig c = load("{ \"name\": \"site\", \"assets\": { \"directory\": \"public\" } }");
        assertFalse(c.hasScript());
        assertNull(c.main());
        assertEquals("site", c.name());
        assertTrue(error("{ \"name\": \"x\" }").startsWith("field 'main' is required"));
    }

    @Test
    void fieldErrorsNameThePathAndWhatIsExpected() {
        assertEquals("field 'assets': expected an object with 'directory' (the folder of static assets)",
                error("{ \"main\": \"index.js\", \"assets\": \"public\" }"));
        assertEquals("field 'assets.directory': required: the folder of static assets to serve", error(withAssets("\"binding\": \"A\"")));
        assertEquals("field 'assets.directory': directory not found: ./dist", error(withAssets("\"directory\": \"./dist\"")));
        assertEquals("field 'assets.directory': not a directory: not-a-dir", error(withAssets("\"directory\": \"not-a-dir\"")));
        assertEquals("field 'assets.directory': expected a string", error(withAssets("\"directory\": 3")));
        assertEquals("field 'assets.binding': must not be empty: the name the Worker sees in env",
                error(withAssets("\"directory\": \"public\", \"binding\": \"\"")));
        assertEquals("field 'assets.html_handling': expected one of auto-trailing-slash, force-trailing-slash, drop-trailing-slash, none;"
                + " got 'auto'", error(withAssets("\"directory\": \"public\", \"html_handling\": \"auto\"")));
        assertEquals("field 'assets.not_found_handling': expected one of none, 404-page, single-page-application; got 'spa'",
                error(withAssets("\"directory\": \"public\", \"not_found_handling\": \"spa\"")));
        assertEquals("field 'assets.run_worker_first': expected true, false, or an array of route patterns such as [\"/api/*\","
                + " \"!/api/docs/*\"]", error(withAssets("\"directory\": \"public\", \"run_worker_first\": \"yes\"")));
    }

    @Test
    void routePatternsAreCheckedAsCloudflareChecksThem() {
        String base = "\"directory\": \"public\", \"run_worker_first\": ";
        assertEquals("field 'assets.run_worker_first': no route patterns: give at least one, or true/false", error(withAssets(base + "[]")));
        assertEquals("field 'assets.run_worker_first[1]': 'api/*': a pattern must start with '/' or '!/'",
                error(withAssets(base + "[\"/a\", \"api/*\"]")));
        assertEquals("field 'assets.run_worker_first[1]': '!api': a negative pattern must start with '!/'",
                error(withAssets(base + "[\"/a\", \"!api\"]")));
        assertEquals("field 'assets.run_worker_first': only negative patterns: give at least one pattern (such as \"/*\") that routes to"
                + " the Worker", error(withAssets(base + "[\"!/assets/*\"]")));
        assertEquals("field 'assets.run_worker_first[1]': '/a': repeats an earlier pattern", error(withAssets(base + "[\"/a\", \"/a\"]")));
        assertEquals("field 'assets.run_worker_first[1]': '/api/users': pattern '/api/*' makes it redundant",
                error(withAssets(base + "[\"/api/*\", \"/api/users\"]")));
        assertEquals("field 'assets.run_worker_first[0]': expected a string", error(withAssets(base + "[1]")));
        String longRule = "/" + "a".repeat(100);
        assertEquals("field 'assets.run_worker_first[0]': '" + longRule + "': a pattern may have at most 100 characters",
                error(withAssets(base + "[\"" + longRule + "\"]")));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 101; i++) many.append(i == 0 ? "" : ",").append("\"/r").append(i).append('"');
        assertEquals("field 'assets.run_worker_first': 101 route patterns; at most 100 are allowed", error(withAssets(base + many + "]")));
    }

    @Test
    void anAssetsOnlyWorkerCannotHaveWhatOnlyAScriptCouldUse() {
        String only = "{ \"name\": \"s\", \"assets\": { \"directory\": \"public\", ";
        assertEquals("field 'assets.binding': cannot use assets with a binding in an assets-only Worker: remove the binding, or give the"
                + " Worker a script ('main')", error(only + "\"binding\": \"ASSETS\" } }"));
        assertEquals("field 'assets.run_worker_first': cannot be true without a Worker script: remove it, or give the Worker a script"
                + " ('main')", error(only + "\"run_worker_first\": true } }"));
        assertTrue(error(only + "\"run_worker_first\": [\"/api/*\"] } }").startsWith("field 'assets.run_worker_first': route patterns"
                + " need a Worker script"));
        assertTrue(error("{ \"assets\": { \"directory\": \"public\" }, \"triggers\": { \"crons\": [\"* * * * *\"] } }")
                .startsWith("field 'triggers.crons': cron triggers run the Worker's scheduled() handler, but this Worker has no script"));
        assertTrue(error("{ \"assets\": { \"directory\": \"public\" }, \"durable_objects\": { \"bindings\": [{ \"name\": \"D\","
                + " \"class_name\": \"C\" }] } }").startsWith("field 'durable_objects.bindings[0].class_name': this Worker has no script"));
    }

    @Test
    void theBindingSharesTheEnvNamespace() {
        assertEquals("field 'assets.binding': the name 'ASSETS' is already used by 'vars.ASSETS' (vars, secrets and bindings share the"
                + " Worker's env)", error("{ \"main\": \"index.js\", \"vars\": { \"ASSETS\": \"x\" }, \"assets\": { \"directory\": \"public\","
                + " \"binding\": \"ASSETS\" } }"));
        assertTrue(error("{ \"main\": \"index.js\", \"services\": [{ \"binding\": \"A\", \"service\": \"s\" }], \"assets\": {"
                + " \"directory\": \"public\", \"binding\": \"A\" } }").startsWith("field 'assets.binding': the name 'A' is already used by"
                + " 'services[0].binding'"));
    }

    @Test
    void warningsForUnknownKeysAndAWorkerFirstWithoutBinding() throws Exception {
        List<String> w = new ArrayList<>();
        load(withAssets("\"directory\": \"public\", \"experimental_serve_directly\": false, \"run_worker_first\": true"), w);
        assertTrue(w.stream().anyMatch(m -> m.endsWith("field 'assets.experimental_serve_directly' is not supported yet and is ignored")), w.toString());
        assertTrue(w.stream().anyMatch(m -> m.contains("field 'assets.run_worker_first': true without an assets binding")), w.toString());
    }

    @Test
    void environmentsInheritAssetsOrBringTheirOwn() throws Exception {
        Files.createDirectories(dir.resolve("staging-public"));
        Path p = dir.resolve("wrangler.jsonc");
        Files.writeString(p, """
                { "name": "w", "main": "index.js", "assets": { "directory": "public", "binding": "ASSETS" },
                  "env": { "a": {}, "b": { "assets": { "directory": "staging-public", "binding": "FILES" } } } }
                """);
        assertEquals(dir.resolve("public"), WranglerConfigLoader.load(p, "a", m -> {}).assets().directory());
        WorkerConfig.Assets b = WranglerConfigLoader.load(p, "b", m -> {}).assets();
        assertEquals(dir.resolve("staging-public"), b.directory());
        assertEquals("FILES", b.binding());
        Files.writeString(p, "{ \"main\": \"index.js\", \"env\": { \"x\": { \"assets\": { \"directory\": \"nope\" } } } }");
        var e = assertThrows(ConfigException.class, () -> WranglerConfigLoader.load(p, "x", m -> {}));
        assertTrue(e.getMessage().endsWith("field 'env.x.assets.directory': directory not found: nope"), e.getMessage());
    }

    @Test
    void navigationPreferenceFollowsTheDateAndTheFlags() throws Exception {
        String dated = "{ \"main\": \"index.js\", \"assets\": { \"directory\": \"public\" }, \"compatibility_date\": \"%s\","
                + " \"compatibility_flags\": [%s] }";
        assertFalse(load(dated.formatted("2025-03-31", "")).assets().navigationPrefersAssets());
        assertTrue(load(dated.formatted("2025-04-01", "")).assets().navigationPrefersAssets());
        assertTrue(load(dated.formatted("2024-09-01", "\"assets_navigation_prefers_asset_serving\"")).assets().navigationPrefersAssets());
        assertFalse(load(dated.formatted("2025-06-01", "\"assets_navigation_has_no_effect\"")).assets().navigationPrefersAssets());
        assertFalse(load("{ \"main\": \"index.js\", \"assets\": { \"directory\": \"public\" } }").assets().navigationPrefersAssets(),
                "no date: off, as Cloudflare's asset server defaults to an old date");
        assertEquals("field 'compatibility_flags[1]': compatibility flags are mutually contradictory: \"assets_navigation_prefers_asset_serving\""
                + " vs \"assets_navigation_has_no_effect\"", error(dated.formatted("2025-06-01",
                "\"assets_navigation_prefers_asset_serving\", \"assets_navigation_has_no_effect\"")));
        List<String> w = new ArrayList<>();
        load(dated.formatted("2025-06-01", "\"assets_navigation_prefers_asset_serving\""), w);
        assertTrue(w.stream().anyMatch(m -> m.contains("became the default as of 2025-04-01")), w.toString());
    }

    @Test
    void globalFetchStrictlyPublicIsAcceptedAndItsOppositeRefused() throws Exception {
        List<String> w = new ArrayList<>();
        WorkerConfig c = load("{ \"main\": \"index.js\", \"compatibility_date\": \"2025-06-01\", \"compatibility_flags\":"
                + " [\"global_fetch_strictly_public\"] }", w);
        assertEquals(List.of("global_fetch_strictly_public"), c.compatibilityFlags());
        assertTrue(w.isEmpty(), "no date turns it on, so no 'already the default' warning: " + w);
        assertTrue(error("{ \"main\": \"index.js\", \"compatibility_flags\": [\"global_fetch_private_origin\"] }")
                .startsWith("field 'compatibility_flags[0]': compatibility flag \"global_fetch_private_origin\" is not supported: this runtime"
                        + " always behaves as \"global_fetch_strictly_public\""));
    }

    @Test
    void theCreateCloudflareAssetsTemplateLoads() throws Exception {
        // create-cloudflare's hello-world-with-assets (js), as generated.
        List<String> w = new ArrayList<>();
        WorkerConfig c = load("""
                {
                  "name": "my-app",
                  "main": "index.js",
                  "compatibility_date": "2025-06-01",
                  "compatibility_flags": [
                    "global_fetch_strictly_public"
                  ],
                  "assets": {
                    // The path to the directory containing the `index.html` file to be served at `/`
                    "directory": "./public"
                  },
                  "observability": {
                    "enabled": true
                  }
                }
                """, w);
        assertEquals(dir.resolve("public"), c.assets().directory());
        assertEquals(List.of(dir.resolve("wrangler.jsonc") + ": field 'observability' is not supported yet and is ignored"), w);
    }
}
