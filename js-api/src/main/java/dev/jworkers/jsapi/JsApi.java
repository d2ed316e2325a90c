package dev.jworkers.jsapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Installs the web platform into a fresh Context. Each bootstrap file evaluates to
 * {@code (function (ops, internal) { ... })}: {@code ops} holds the host's op objects by area,
 * {@code internal} is shared among the files and never reachable from user code.
 */
public final class JsApi {
    /** Bootstrap files in the order they run; later files use what earlier ones put on {@code internal}. */
    public static final List<String> FILES = List.of(
            "prelude.js", "primordials.js", "console-lazy.js", "dom-exception.js", "events.js", "abort.js", "timers.js",
            "encoding.js", "base64.js", "streams.js", "url.js", "urlpattern.js", "blob.js", "formdata.js",
            "structured-clone.js", "headers.js", "body.js", "request.js", "response.js", "crypto.js", "globals.js");

    /** Files evaluated on first use through {@code ops.bootstrap.load(name)}. */
    public static final Set<String> LAZY_FILES = Set.of("console.js", "url-parser.js", "v8-serializer.js");

    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

    private JsApi() {}

    /** {@code ops.bootstrap}: evaluates a lazily loaded bootstrap file in its Context, once. */
    public static final class Bootstrap {
        private final Context context;
        private final Value internal;
        private final Set<String> loaded = new HashSet<>();
        Object ops;

        Bootstrap(Context context, Value internal) {
            this.context = context;
            this.internal = internal;
        }

        @HostAccess.Export
        public void load(String file) {
            if (!LAZY_FILES.contains(file)) throw new IllegalArgumentException("not a lazily loaded bootstrap file: " + file);
            if (!loaded.add(file)) return;
            context.eval(source(file)).execute(ops, internal);
        }
    }

    /** A js-api bootstrap file, read once per process: equal Sources share parsed code in the Engine. */
    static Source source(String file) {
        return SOURCES.computeIfAbsent(file, f -> source(JsApi.class, "js/" + f, f));
    }

    /** Loads a bootstrap file as a Source whose name shows in stack traces as {@code internal:<file>}. */
    public static Source source(Class<?> owner, String resource, String name) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bootstrap resource " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, "internal:" + name).cached(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the js-api bootstrap files, then {@code extra} (the host's own), and returns {@code internal}. */
    public static Value install(Context context, Map<String, Object> ops, List<Source> extra) {
        Value internal = context.eval("js", "({})");
        Map<String, Object> all = new HashMap<>(ops);
        Bootstrap bootstrap = new Bootstrap(context, internal);
        all.put("bootstrap", bootstrap);
        // Ops of js-api's own (pure computation, no host resources).
        all.put("url", new UrlOps());
        all.put("encoding", new EncodingOps());
        all.put("clone", new CloneOps());
        all.put("crypto", new CryptoOps());
        Object opsObject = ProxyObject.fromMap(all);
        bootstrap.ops = opsObject;
        for (String file : FILES) {
            context.eval(source(file)).execute(opsObject, internal);
        }
        for (Source s : extra) {
            context.eval(s).execute(opsObject, internal);
        }
        return internal;
    }
}
