package dev.jworkers.runtime.js;

import java.io.OutputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

import dev.jworkers.runtime.log.Log;

/**
 * The one polyglot Engine every Context shares (parsed and compiled code is shared through it),
 * and the sandbox every Worker Context is built with.
 */
public final class JsEngine implements AutoCloseable {
    private static final Log LOG = Log.get("engine");

    /**
     * Only methods marked {@code @HostAccess.Export} on our op objects are callable; no classes, no
     * reflection, no host buffers (ops exchange strings, numbers and JS values only).
     */
    public static final HostAccess HOST_ACCESS = HostAccess.newBuilder()
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .build();

    private final Engine engine;
    private final boolean jit;

    public JsEngine(boolean noJit) {
        this.engine = build(noJit);
        String impl = engine.getImplementationName();
        this.jit = !noJit && !"Interpreted".equals(impl);
        if (noJit) {
            LOG.info("JS engine: " + impl + ", JIT turned off (--no-jit)");
        } else if (!jit) {
            LOG.warn("!!! JS engine: " + impl + ": the JIT is NOT available; JavaScript runs interpreter-only and "
                    + "10-40x slower. Start through tools/runtime, which passes the JVMCI flags and the Graal compiler. !!!");
        } else {
            LOG.info("JS engine: " + impl + " (JIT on)");
        }
    }

    private static Engine build(boolean noJit) {
        try {
            Engine.Builder b = builder();
            if (noJit) {
                // With JVMCI present the JIT runtime is loaded, and compilation is switched off by option.
                b.option("engine.Compilation", "false");
            } else {
                // Built-ins the bootstrap calls a few hundred times would otherwise be compiled during
                // start-up, while the Graal compiler is itself still cold and competing for the cores
                // (measured: ~0.3 s of start-up). Hot request paths pass 3000 calls within milliseconds.
                b.option("engine.FirstTierCompilationThreshold", "3000");
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            // Without JVMCI the fallback runtime has no compilation options: it never compiles anyway.
            return builder().build();
        }
    }

    private static Engine.Builder builder() {
        return Engine.newBuilder("js", "wasm")
                .allowExperimentalOptions(true)
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream());
    }

    public Engine engine() { return engine; }

    public boolean jit() { return jit; }

    /**
     * A sandboxed Context: no host classes, files (except the read-only bundle), processes, threads,
     * native access or environment; no shell built-ins ({@code load}, {@code print}, {@code Java},
     * {@code Polyglot}; {@code Graal} is deleted by the bootstrap).
     */
    public Context newContext(FileSystem bundle, OutputStream err) {
        return Context.newBuilder("js", "wasm")
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(bundle).build())
                // WebAssembly.Module needs JS to reach the wasm language; nothing else crosses.
                .allowPolyglotAccess(PolyglotAccess.newBuilder().allowEvalBetween("js", "wasm")
                        .allowBindingsAccess("js").allowBindingsAccess("wasm").build())
                .allowExperimentalOptions(true)
                .option("js.webassembly", "true")
                .option("js.esm-eval-returns-exports", "true")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                // Only for Graal.setUnhandledPromiseRejectionHandler, which prelude.js calls and then
                // deletes the `Graal` global before any user code runs.
                .option("js.graal-builtin", "true")
                .option("js.polyglot-builtin", "false")
                .option("js.java-package-globals", "false")
                .option("js.global-arguments", "false")
                // Unhandled rejections go to a JS handler: the global `unhandledrejection` event, then the log.
                .option("js.unhandled-rejections", "handler")
                .out(err)
                .err(err)
                .build();
    }

    @Override
    public void close() {
        engine.close();
    }
}
