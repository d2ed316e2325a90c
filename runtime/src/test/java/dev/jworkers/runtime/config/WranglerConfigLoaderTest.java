package dev.jworkers.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WranglerConfigLoaderTest {
    @TempDir Path dir;

    private WorkerConfig load(String file, String text, List<String> warnings) throws Exception {
        Files.writeString(dir.resolve("index.js"), "export default {}");
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        return WranglerConfigLoader.load(p, warnings::add);
    }

    @Test
    void jsoncWithCommentsAndTrailingCommas() throws Exception {
        List<String> w = new ArrayList<>();
        WorkerConfig c = load("wrangler.jsonc", """
                {
                  // line comment
                  /* block comment */
                  "name": "app",
                  "main": "index.js",
                  "compatibility_date": "2026-11-01",
                  "vars": { "A": "1", "B": { "x": [1, 2] }, "C": true, },
                  "limits": { "cpu_ms": 50 },
                }
                """, w);
        assertEquals("app", c.name());
        assertEquals(dir.resolve("index.js"), c.main());
        assertEquals("2026-11-01", c.compatibilityDate());
        assertEquals(new WorkerConfig.VarValue("1", false), c.vars().get("A"));
        assertEquals(new WorkerConfig.VarValue("{\"x\":[1,2]}", true), c.vars().get("B"));
        assertEquals(new WorkerConfig.VarValue("true", true), c.vars().get("C"));
        assertEquals(50, c.cpuLimitMillis());
        assertTrue(w.isEmpty(), w.toString());
    }

    @Test
    void jsonAndToml() throws Exception {
        assertEquals("j", load("wrangler.json", "{\"name\":\"j\",\"main\":\"index.js\"}", new ArrayList<>()).name());
        WorkerConfig t = load("wrangler.toml", """
                name = "t"
                main = "index.js"
                compatibility_date = "2026-01-02"
                [vars]
                GREETING = "hi"
                """, new ArrayList<>());
        assertEquals("t", t.name());
        assertEquals("hi", t.vars().get("GREETING").text());
    }

    @Test
    void unknownFieldsAreWarnedByName() throws Exception {
        List<String> w = new ArrayList<>();
        load("wrangler.jsonc", "{\"name\":\"a\",\"main\":\"index.js\",\"kv_namespaces\":[],\"limits\":{\"subrequests\":5}}", w);
        assertTrue(w.stream().anyMatch(s -> s.contains("field 'kv_namespaces' is not supported yet")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("field 'limits.subrequests' is not supported yet")), w.toString());
    }

    @Test
    void errorsNameTheFileTheFieldAndWhatIsExpected() {
        var e1 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"name\":\"a\"}", new ArrayList<>()));
        assertTrue(e1.getMessage().endsWith("wrangler.jsonc: field 'main' is required: the path of the Worker's entry module"), e1.getMessage());
        var e2 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"nope.js\"}", new ArrayList<>()));
        assertTrue(e2.getMessage().contains("field 'main': file not found: nope.js"), e2.getMessage());
        var e3 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"compatibility_date\":\"yesterday\"}", new ArrayList<>()));
        assertTrue(e3.getMessage().contains("field 'compatibility_date': expected a date as YYYY-MM-DD, got 'yesterday'"), e3.getMessage());
        var e4 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"vars\":[1]}", new ArrayList<>()));
        assertTrue(e4.getMessage().contains("field 'vars': expected an object"), e4.getMessage());
        var e5 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\": \"index.js\",, }", new ArrayList<>()));
        assertTrue(e5.getMessage().contains("wrangler.jsonc: not valid JSON") && e5.getMessage().contains("(line 1)"), e5.getMessage());
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        var future = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"compatibility_date\":\"" + tomorrow + "\"}", new ArrayList<>()));
        assertTrue(future.getMessage().contains("field 'compatibility_date': can't set a compatibility date in the future: \"" + tomorrow + "\""), future.getMessage());
        var notADate = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"compatibility_date\":\"2026-02-30\"}", new ArrayList<>()));
        assertTrue(notADate.getMessage().contains("not a calendar date"), notADate.getMessage());
        var e6 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"limits\":{\"cpu_ms\":-1}}", new ArrayList<>()));
        assertTrue(e6.getMessage().contains("field 'limits.cpu_ms': expected a positive integer"), e6.getMessage());
    }

    @Test
    void environmentsOverrideInheritableKeysAndBringTheirOwnVars() throws Exception {
        Files.writeString(dir.resolve("staging.js"), "export default {}");
        Path p = dir.resolve("wrangler.jsonc");
        Files.writeString(dir.resolve("index.js"), "export default {}");
        Files.writeString(p, """
                { "name": "app", "main": "index.js", "compatibility_date": "2026-01-01",
                  "vars": { "TOP": "1" }, "limits": { "cpu_ms": 40 },
                  "env": {
                    "staging": { "main": "staging.js", "vars": { "STAGE": "yes" } },
                    "bare": { "kv_namespaces": [] },
                    "named": { "name": "custom", "compatibility_date": "2026-02-02" } } }
                """);
        List<String> w = new ArrayList<>();
        WorkerConfig staging = WranglerConfigLoader.load(p, "staging", w::add);
        assertEquals("app-staging", staging.name());
        assertEquals(dir.resolve("staging.js"), staging.main());
        assertEquals("2026-01-01", staging.compatibilityDate(), "inherited");
        assertEquals(40, staging.cpuLimitMillis(), "inherited");
        assertEquals(java.util.Set.of("STAGE"), staging.vars().keySet(), "vars are not inherited");

        WorkerConfig bare = WranglerConfigLoader.load(p, "bare", w::add);
        assertTrue(bare.vars().isEmpty());
        assertTrue(w.stream().anyMatch(s -> s.contains("'vars' exists at the top level but not in 'env.bare'")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("field 'env.bare.kv_namespaces' is not supported yet")), w.toString());

        WorkerConfig named = WranglerConfigLoader.load(p, "named", w::add);
        assertEquals("custom", named.name());
        assertEquals("2026-02-02", named.compatibilityDate());

        var e = assertThrows(ConfigException.class, () -> WranglerConfigLoader.load(p, "prod", w::add));
        assertTrue(e.getMessage().endsWith("field 'env.prod': no such environment (defined: staging, bare, named)"), e.getMessage());
        assertEquals("app", WranglerConfigLoader.load(p, null, w::add).name());
    }

    @Test
    void devVarsSecretsJoinVarsAndEnvironmentsPreferTheirOwnFile() throws Exception {
        Path p = dir.resolve("wrangler.toml");
        Files.writeString(dir.resolve("index.js"), "export default {}");
        Files.writeString(p, """
                name = "s"
                main = "index.js"
                [vars]
                PLAIN = "from-config"
                TOKEN = "overridden"
                [env.prod.vars]
                X = "1"
                """);
        Files.writeString(dir.resolve(".dev.vars"), """
                # a comment
                TOKEN=secret-1
                export QUOTED="two\\nlines"
                SINGLE='raw \\n kept'
                BARE = spaced value  # trailing comment
                """);
        Files.writeString(dir.resolve(".dev.vars.prod"), "PROD_ONLY=p\n");
        WorkerConfig c = WranglerConfigLoader.load(p, null, s -> {});
        assertEquals("from-config", c.vars().get("PLAIN").text());
        assertEquals("secret-1", c.vars().get("TOKEN").text(), "a secret wins over a var");
        assertEquals("two\nlines", c.vars().get("QUOTED").text());
        assertEquals("raw \\n kept", c.vars().get("SINGLE").text());
        assertEquals("spaced value", c.vars().get("BARE").text());
        WorkerConfig prod = WranglerConfigLoader.load(p, "prod", s -> {});
        assertEquals(java.util.Set.of("X", "PROD_ONLY"), prod.vars().keySet());
    }

    @Test
    void moduleRulesComeBeforeDefaultsAndReplaceTheirTypeUnlessFallthrough() throws Exception {
        WorkerConfig c = load("wrangler.jsonc", """
                { "main": "index.js", "rules": [
                  { "type": "Text", "globs": ["**/*.md"] },
                  { "type": "Data", "globs": ["assets/*.dat"], "fallthrough": true } ] }
                """, new ArrayList<>());
        assertEquals(ModuleRule.Type.Text, ModuleRule.typeOf(c.rules(), "docs/readme.md"));
        assertEquals(ModuleRule.Type.Text, ModuleRule.typeOf(c.rules(), "readme.md"), "**/ matches the top level too");
        assertEquals(null, ModuleRule.typeOf(c.rules(), "notes.txt"), "the default Text rule was replaced");
        assertEquals(ModuleRule.Type.Data, ModuleRule.typeOf(c.rules(), "assets/x.dat"));
        assertEquals(null, ModuleRule.typeOf(c.rules(), "assets/deep/x.dat"), "* stays within one directory");
        assertEquals(ModuleRule.Type.Data, ModuleRule.typeOf(c.rules(), "a/b.bin"), "fallthrough keeps the default Data rule");
        assertEquals(ModuleRule.Type.CompiledWasm, ModuleRule.typeOf(c.rules(), "m.wasm"));
        assertEquals(ModuleRule.Type.ESModule, ModuleRule.typeOf(c.rules(), "src/x.mjs"));

        var bad = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"rules\":[{\"type\":\"Yaml\",\"globs\":[\"*.y\"]}]}", new ArrayList<>()));
        assertTrue(bad.getMessage().contains("field 'rules[0].type': expected one of ESModule, Text, Data, CompiledWasm"), bad.getMessage());
        var cjs = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"rules\":[{\"type\":\"CommonJS\",\"globs\":[\"*.cjs\"]}]}", new ArrayList<>()));
        assertTrue(cjs.getMessage().contains("CommonJS modules are not supported"), cjs.getMessage());
        var noGlobs = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"main\":\"index.js\",\"rules\":[{\"type\":\"Text\"}]}", new ArrayList<>()));
        assertTrue(noGlobs.getMessage().contains("field 'rules[0].globs'"), noGlobs.getMessage());
    }
}
