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

    /** Loads {@code text} as wrangler.jsonc, expecting a ConfigException; returns its message after the file's path. */
    private String error(String text) {
        var e = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", text, new ArrayList<>()));
        String prefix = dir.resolve("wrangler.jsonc") + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e.getMessage().substring(prefix.length());
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
    void cronTriggersAreReadAndCheckedAtLoad() throws Exception {
        WorkerConfig c = load("wrangler.jsonc", """
                { "name": "c", "main": "index.js", "triggers": { "crons": ["*/5 * * * *", "0 17 * * sun"] } }
                """, new ArrayList<>());
        assertEquals(List.of("*/5 * * * *", "0 17 * * sun"), c.crons());
        var bad = assertThrows(ConfigException.class, () -> load("wrangler.jsonc",
                "{\"name\":\"c\",\"main\":\"index.js\",\"triggers\":{\"crons\":[\"* * * * *\", \"61 * * * *\"]}}", new ArrayList<>()));
        assertTrue(bad.getMessage().contains("field 'triggers.crons[1]': cron \"61 * * * *\": minute 61 is out of range 0-59"), bad.getMessage());
        var notArray = assertThrows(ConfigException.class, () -> load("wrangler.jsonc",
                "{\"name\":\"c\",\"main\":\"index.js\",\"triggers\":{\"crons\":\"* * * * *\"}}", new ArrayList<>()));
        assertTrue(notArray.getMessage().contains("field 'triggers.crons': expected an array of cron expressions"), notArray.getMessage());
    }

    @Test
    void errorsNameTheFileTheFieldAndWhatIsExpected() {
        var e1 = assertThrows(ConfigException.class, () -> load("wrangler.jsonc", "{\"name\":\"a\"}", new ArrayList<>()));
        assertTrue(e1.getMessage().endsWith("wrangler.jsonc: field 'main' is required: the path of the Worker's entry module (or give 'assets' for a Worker that only serves static files)"), e1.getMessage());
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

    @Test
    void compatibilityFlagsInJsoncJsonAndToml() throws Exception {
        List<String> w = new ArrayList<>();
        WorkerConfig jsonc = load("wrangler.jsonc", """
                { "main": "index.js", "compatibility_date": "2022-01-01",
                  // both became the default later than this date
                  "compatibility_flags": ["url_standard", "rpc",], }
                """, w);
        assertEquals(List.of("url_standard", "rpc"), jsonc.compatibilityFlags());
        assertTrue(w.isEmpty(), w.toString());

        WorkerConfig json = load("wrangler.json", "{\"main\":\"index.js\",\"compatibility_flags\":[\"global_navigator\"]}", w);
        assertEquals(List.of("global_navigator"), json.compatibilityFlags());
        WorkerConfig toml = load("wrangler.toml", """
                main = "index.js"
                compatibility_flags = ["formdata_parser_supports_files", "enable_weak_ref"]
                """, w);
        assertEquals(List.of("formdata_parser_supports_files", "enable_weak_ref"), toml.compatibilityFlags());
        assertTrue(w.isEmpty(), w.toString());
        assertEquals(List.of(), load("wrangler.json", "{\"main\":\"index.js\"}", w).compatibilityFlags());
    }

    @Test
    void aFlagAlreadyOnByTheDateIsWarnedAboutAsInWorkerd() throws Exception {
        List<String> w = new ArrayList<>();
        load("wrangler.jsonc", "{\"main\":\"index.js\",\"compatibility_date\":\"2024-04-03\",\"compatibility_flags\":[\"rpc\"]}", w);
        assertEquals(List.of(dir.resolve("wrangler.jsonc") + ": field 'compatibility_flags[0]': the compatibility flag \"rpc\""
                + " became the default as of 2024-04-03 so does not need to be specified anymore"), w);
    }

    @Test
    void compatibilityFlagErrorsNameTheIndex() {
        assertEquals("field 'compatibility_flags[1]': compatibility flag \"bogus\" is unknown or not supported by this runtime"
                + " (docs/CONFIG.md lists the flags it accepts)",
                error("{\"main\":\"index.js\",\"compatibility_flags\":[\"rpc\",\"bogus\"]}"));
        assertEquals("field 'compatibility_flags[0]': compatibility flag \"nodejs_compat\" is not supported: this runtime has no"
                + " Node.js compatibility layer (no node:* modules, no Buffer or process globals)",
                error("{\"main\":\"index.js\",\"compatibility_flags\":[\"nodejs_compat\"]}"));
        assertEquals("field 'compatibility_flags[0]': compatibility flag \"url_original\" is not supported: this runtime always"
                + " behaves as \"url_standard\" (`URL` follows the WHATWG URL Standard)",
                error("{\"main\":\"index.js\",\"compatibility_flags\":[\"url_original\"]}"));
        assertEquals("field 'compatibility_flags[1]': compatibility flags are mutually contradictory: \"url_standard\" vs \"url_original\"",
                error("{\"main\":\"index.js\",\"compatibility_flags\":[\"url_standard\",\"url_original\"]}"));
        assertEquals("field 'compatibility_flags[2]': compatibility flag specified multiple times: \"rpc\"",
                error("{\"main\":\"index.js\",\"compatibility_flags\":[\"rpc\",\"url_standard\",\"rpc\"]}"));
        assertEquals("field 'compatibility_flags': expected an array of strings",
                error("{\"main\":\"index.js\",\"compatibility_flags\":\"rpc\"}"));
        assertEquals("field 'compatibility_flags[0]': expected a string",
                error("{\"main\":\"index.js\",\"compatibility_flags\":[1]}"));
    }

    @Test
    void serviceBindingsInJsoncJsonAndToml() throws Exception {
        List<String> w = new ArrayList<>();
        WorkerConfig jsonc = load("wrangler.jsonc", """
                { "main": "index.js",
                  "services": [
                    { "binding": "AUTH", "service": "auth" },
                    { "binding": "ADMIN", "service": "auth", "entrypoint": "AdminApi" }, ] }
                """, w);
        assertEquals(List.of(new WorkerConfig.ServiceBinding("AUTH", "auth", null),
                new WorkerConfig.ServiceBinding("ADMIN", "auth", "AdminApi")), jsonc.services());
        WorkerConfig json = load("wrangler.json", "{\"main\":\"index.js\",\"services\":[{\"binding\":\"B\",\"service\":\"b\"}]}", w);
        assertEquals(List.of(new WorkerConfig.ServiceBinding("B", "b", null)), json.services());
        WorkerConfig toml = load("wrangler.toml", """
                main = "index.js"
                [[services]]
                binding = "API"
                service = "api"
                entrypoint = "Rpc"
                """, w);
        assertEquals(List.of(new WorkerConfig.ServiceBinding("API", "api", "Rpc")), toml.services());
        assertTrue(w.isEmpty(), w.toString());
    }

    @Test
    void serviceBindingEnvironmentIsWarnedAboutAndErrorsNameTheField() throws Exception {
        List<String> w = new ArrayList<>();
        load("wrangler.jsonc", "{\"main\":\"index.js\",\"services\":[{\"binding\":\"A\",\"service\":\"a\",\"environment\":\"prod\",\"props\":{}}]}", w);
        assertTrue(w.stream().anyMatch(s -> s.endsWith("field 'services[0].environment' is not supported and is ignored: bindings reach"
                + " the Worker loaded under that name (a Worker loaded with an environment is named <name>-<env>)")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.endsWith("field 'services[0].props' is not supported yet and is ignored")), w.toString());

        assertEquals("field 'services': expected an array of { binding, service, entrypoint }",
                error("{\"main\":\"index.js\",\"services\":{}}"));
        assertEquals("field 'services[0]': expected an object with 'binding' and 'service'",
                error("{\"main\":\"index.js\",\"services\":[\"auth\"]}"));
        assertEquals("field 'services[0].binding': required: the name the Worker sees in env",
                error("{\"main\":\"index.js\",\"services\":[{\"service\":\"a\"}]}"));
        assertEquals("field 'services[1].service': required: the name of the Worker to reach",
                error("{\"main\":\"index.js\",\"services\":[{\"binding\":\"A\",\"service\":\"a\"},{\"binding\":\"B\"}]}"));
        assertEquals("field 'services[0].binding': expected a string",
                error("{\"main\":\"index.js\",\"services\":[{\"binding\":7,\"service\":\"a\"}]}"));
        assertEquals("field 'services[0].service': must not be empty: the name of the Worker to reach",
                error("{\"main\":\"index.js\",\"services\":[{\"binding\":\"A\",\"service\":\"\"}]}"));
        assertEquals("field 'services[0].entrypoint': expected a string",
                error("{\"main\":\"index.js\",\"services\":[{\"binding\":\"A\",\"service\":\"a\",\"entrypoint\":true}]}"));
    }

    @Test
    void durableObjectBindingsAndMigrationsInJsoncJsonAndToml() throws Exception {
        List<String> w = new ArrayList<>();
        WorkerConfig jsonc = load("wrangler.jsonc", """
                { "main": "index.js",
                  "durable_objects": { "bindings": [
                    { "name": "COUNTER", "class_name": "Counter" },
                    { "name": "ROOMS", "class_name": "ChatRoom", "script_name": "chat" } ] },
                  "migrations": [
                    { "tag": "v1", "new_classes": ["Old"], "new_sqlite_classes": ["Count"] },
                    { "tag": "v2", "renamed_classes": [{ "from": "Count", "to": "Counter" }], "deleted_classes": ["Old"] } ] }
                """, w);
        assertEquals(List.of(new WorkerConfig.DurableObjectBinding("COUNTER", "Counter", null),
                new WorkerConfig.DurableObjectBinding("ROOMS", "ChatRoom", "chat")), jsonc.durableObjects());
        assertEquals(List.of(
                new WorkerConfig.Migration("v1", List.of("Old"), List.of("Count"), List.of(), List.of()),
                new WorkerConfig.Migration("v2", List.of(), List.of(), List.of(new WorkerConfig.Rename("Count", "Counter")), List.of("Old"))),
                jsonc.migrations());
        assertTrue(w.isEmpty(), "Counter is created by the rename: " + w);

        WorkerConfig json = load("wrangler.json", """
                {"main":"index.js","durable_objects":{"bindings":[{"name":"D","class_name":"Doc"}]},
                 "migrations":[{"tag":"v1","new_sqlite_classes":["Doc"]}]}
                """, w);
        assertEquals(List.of(new WorkerConfig.DurableObjectBinding("D", "Doc", null)), json.durableObjects());
        WorkerConfig toml = load("wrangler.toml", """
                main = "index.js"
                [[durable_objects.bindings]]
                name = "SESSIONS"
                class_name = "Session"
                [[migrations]]
                tag = "v1"
                new_sqlite_classes = ["Session"]
                [[migrations]]
                tag = "v2"
                renamed_classes = [{ from = "Session", to = "UserSession" }]
                """, w);
        assertEquals(List.of(new WorkerConfig.DurableObjectBinding("SESSIONS", "Session", null)), toml.durableObjects());
        assertEquals(List.of(new WorkerConfig.Rename("Session", "UserSession")), toml.migrations().get(1).renamedClasses());
        assertEquals(1, w.size(), "Session was renamed away: " + w);
        assertTrue(w.get(0).endsWith("wrangler.toml: field 'durable_objects.bindings[0].class_name': no migration creates class"
                + " 'Session' (add it to 'new_sqlite_classes' of a 'migrations' entry)"), w.toString());
    }

    @Test
    void aDurableObjectClassNoMigrationCreatesIsAWarningNotAnError() throws Exception {
        List<String> w = new ArrayList<>();
        WorkerConfig c = load("wrangler.jsonc", """
                { "main": "index.js", "durable_objects": { "bindings": [
                    { "name": "A", "class_name": "Unmigrated" },
                    { "name": "B", "class_name": "Deleted" },
                    { "name": "C", "class_name": "Elsewhere", "script_name": "other", "environment": "prod" } ] },
                  "migrations": [ { "tag": "v1", "new_classes": ["Deleted"] }, { "tag": "v2", "deleted_classes": ["Deleted"] } ] }
                """, w);
        assertEquals(3, c.durableObjects().size());
        assertTrue(w.stream().anyMatch(s -> s.contains("'durable_objects.bindings[0].class_name': no migration creates class 'Unmigrated'")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("'durable_objects.bindings[1].class_name': no migration creates class 'Deleted'")), w.toString());
        assertTrue(w.stream().noneMatch(s -> s.contains("Elsewhere")), "another script's class is its own business: " + w);
        assertTrue(w.stream().anyMatch(s -> s.contains("field 'durable_objects.bindings[2].environment' is not supported")), w.toString());
    }

    @Test
    void durableObjectErrorsNameTheField() {
        assertEquals("field 'durable_objects': expected an object with 'bindings': [{ name, class_name, script_name }]",
                error("{\"main\":\"index.js\",\"durable_objects\":[]}"));
        assertEquals("field 'durable_objects.bindings': expected an array of { name, class_name, script_name }",
                error("{\"main\":\"index.js\",\"durable_objects\":{\"bindings\":{}}}"));
        assertEquals("field 'durable_objects.bindings[0]': expected an object with 'name' and 'class_name'",
                error("{\"main\":\"index.js\",\"durable_objects\":{\"bindings\":[3]}}"));
        assertEquals("field 'durable_objects.bindings[0].name': required: the name the Worker sees in env",
                error("{\"main\":\"index.js\",\"durable_objects\":{\"bindings\":[{\"class_name\":\"C\"}]}}"));
        assertEquals("field 'durable_objects.bindings[0].class_name': required: the exported Durable Object class",
                error("{\"main\":\"index.js\",\"durable_objects\":{\"bindings\":[{\"name\":\"N\"}]}}"));
        assertEquals("field 'durable_objects.bindings[0].script_name': expected a string",
                error("{\"main\":\"index.js\",\"durable_objects\":{\"bindings\":[{\"name\":\"N\",\"class_name\":\"C\",\"script_name\":1}]}}"));
    }

    @Test
    void migrationErrorsNameTheField() {
        assertEquals("field 'migrations': expected an array of { tag, new_classes, new_sqlite_classes, renamed_classes, deleted_classes }",
                error("{\"main\":\"index.js\",\"migrations\":{}}"));
        assertEquals("field 'migrations[0]': expected an object with a 'tag'",
                error("{\"main\":\"index.js\",\"migrations\":[\"v1\"]}"));
        assertEquals("field 'migrations[0].tag': required: a name for this migration, unique in the list",
                error("{\"main\":\"index.js\",\"migrations\":[{\"new_classes\":[\"A\"]}]}"));
        assertEquals("field 'migrations[1].tag': tag 'v1' is already used by migrations[0]",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\"},{\"tag\":\"v1\"}]}"));
        assertEquals("field 'migrations[0].new_sqlite_classes[1]': class 'A' is also in 'new_classes': a class has either key-value"
                + " storage or SQLite storage, not both",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"new_classes\":[\"A\"],\"new_sqlite_classes\":[\"B\",\"A\"]}]}"));
        assertEquals("field 'migrations[0].new_classes': expected an array of strings",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"new_classes\":\"A\"}]}"));
        assertEquals("field 'migrations[0].deleted_classes[0]': expected a string",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"deleted_classes\":[1]}]}"));
        assertEquals("field 'migrations[0].renamed_classes': expected an array of { from, to }",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"renamed_classes\":{}}]}"));
        assertEquals("field 'migrations[0].renamed_classes[0]': expected an object with 'from' and 'to'",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"renamed_classes\":[\"A\"]}]}"));
        assertEquals("field 'migrations[0].renamed_classes[0].to': required: the class's new name",
                error("{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"renamed_classes\":[{\"from\":\"A\"}]}]}"));
    }

    @Test
    void unknownMigrationStepsAreWarnedAbout() throws Exception {
        List<String> w = new ArrayList<>();
        load("wrangler.jsonc", "{\"main\":\"index.js\",\"migrations\":[{\"tag\":\"v1\",\"transferred_classes\":[]}]}", w);
        assertTrue(w.stream().anyMatch(s -> s.endsWith("field 'migrations[0].transferred_classes' is not supported yet and is ignored")), w.toString());
    }

    @Test
    void varsSecretsAndBindingsShareOneNamespace() throws Exception {
        assertEquals("field 'services[0].binding': the name 'API' is already used by 'vars.API' (vars, secrets and bindings share the Worker's env)",
                error("{\"main\":\"index.js\",\"vars\":{\"API\":\"x\"},\"services\":[{\"binding\":\"API\",\"service\":\"a\"}]}"));
        assertEquals("field 'durable_objects.bindings[0].name': the name 'X' is already used by 'services[0].binding' (vars, secrets and"
                + " bindings share the Worker's env)",
                error("{\"main\":\"index.js\",\"services\":[{\"binding\":\"X\",\"service\":\"a\"}],"
                        + "\"durable_objects\":{\"bindings\":[{\"name\":\"X\",\"class_name\":\"C\"}]}}"));
        assertEquals("field 'durable_objects.bindings[1].name': the name 'D' is already used by 'durable_objects.bindings[0].name'"
                + " (vars, secrets and bindings share the Worker's env)",
                error("{\"main\":\"index.js\",\"durable_objects\":{\"bindings\":[{\"name\":\"D\",\"class_name\":\"C\"},{\"name\":\"D\",\"class_name\":\"E\"}]}}"));
        Files.writeString(dir.resolve(".dev.vars"), "TOKEN=s3cret\n");
        assertEquals("field 'services[0].binding': the name 'TOKEN' is already used by the secret 'TOKEN' in .dev.vars (vars, secrets"
                + " and bindings share the Worker's env)",
                error("{\"main\":\"index.js\",\"services\":[{\"binding\":\"TOKEN\",\"service\":\"a\"}]}"));
    }

    @Test
    void environmentsInheritFlagsAndMigrationsButNotBindings() throws Exception {
        Path p = dir.resolve("wrangler.jsonc");
        Files.writeString(dir.resolve("index.js"), "export default {}");
        Files.writeString(p, """
                { "name": "app", "main": "index.js", "compatibility_flags": ["rpc"],
                  "services": [{ "binding": "AUTH", "service": "auth" }],
                  "durable_objects": { "bindings": [{ "name": "C", "class_name": "Counter" }] },
                  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Counter"] }],
                  "env": {
                    "bare": {},
                    "own": { "compatibility_flags": ["url_standard"],
                             "services": [{ "binding": "AUTH", "service": "auth-own" }],
                             "durable_objects": { "bindings": [{ "name": "C2", "class_name": "Counter" }] } },
                    "bad": { "services": [{ "binding": "B" }] } } }
                """);
        List<String> w = new ArrayList<>();
        WorkerConfig bare = WranglerConfigLoader.load(p, "bare", w::add);
        assertEquals(List.of("rpc"), bare.compatibilityFlags(), "inherited");
        assertEquals(1, bare.migrations().size(), "inherited");
        assertTrue(bare.services().isEmpty() && bare.durableObjects().isEmpty(), "not inherited");
        assertTrue(w.stream().anyMatch(s -> s.endsWith("'services' exists at the top level but not in 'env.bare'; it is not inherited"
                + " (as in wrangler), so this environment has none")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("'durable_objects' exists at the top level but not in 'env.bare'")), w.toString());

        WorkerConfig own = WranglerConfigLoader.load(p, "own", w::add);
        assertEquals(List.of("url_standard"), own.compatibilityFlags());
        assertEquals(List.of(new WorkerConfig.ServiceBinding("AUTH", "auth-own", null)), own.services());
        assertEquals("C2", own.durableObjects().get(0).name());

        var e = assertThrows(ConfigException.class, () -> WranglerConfigLoader.load(p, "bad", w::add));
        assertTrue(e.getMessage().endsWith("field 'env.bad.services[0].service': required: the name of the Worker to reach"), e.getMessage());
    }

    @Test
    void serviceBindingsMustNameALoadedWorker() throws Exception {
        WorkerConfig c = load("wrangler.jsonc", """
                { "name": "app", "main": "index.js", "services": [{ "binding": "AUTH", "service": "auth" }] }
                """, new ArrayList<>());
        var single = assertThrows(ConfigException.class, () -> WorkerReferences.check(c, "wrangler.jsonc", List.of("app")));
        assertEquals("wrangler.jsonc: service binding 'AUTH' of Worker 'app' names Worker 'auth', which is not loaded (loaded Workers:"
                + " app; a runtime config serves several Workers together, see docs/CONFIG.md)", single.getMessage());
        WorkerReferences.check(c, "wrangler.jsonc", List.of("app", "auth"));

        WorkerConfig d = load("wrangler.jsonc", """
                { "name": "app", "main": "index.js", "durable_objects": { "bindings": [{ "name": "R", "class_name": "Room", "script_name": "chat" }] } }
                """, new ArrayList<>());
        var missing = assertThrows(ConfigException.class, () -> WorkerReferences.check(d, "wrangler.jsonc", List.of("app", "auth")));
        assertEquals("wrangler.jsonc: Durable Object binding 'R' of Worker 'app' names script 'chat', which is not loaded (loaded"
                + " Workers: app, auth)", missing.getMessage());
    }
}
