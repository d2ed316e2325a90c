package dev.jworkers.jsapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
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
            "prelude.js", "console.js", "events.js", "timers.js", "encoding.js",
            "streams.js", "headers.js", "body.js", "request.js", "response.js");

    private JsApi() {}

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
        Object opsObject = ProxyObject.fromMap(Map.copyOf(ops));
        for (String file : FILES) {
            context.eval(source(JsApi.class, "js/" + file, file)).execute(opsObject, internal);
        }
        for (Source s : extra) {
            context.eval(s).execute(opsObject, internal);
        }
        return internal;
    }
}
