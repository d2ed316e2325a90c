package dev.jworkers.runtime.rpc;

/**
 * One reference to an {@link RpcExport}, held by one context: what a JS stub wraps (JS sees it as an
 * opaque handle). Only the holding context's shard touches it. Releasing it twice is harmless.
 */
public final class RpcImport {
    final RpcExport export;
    private boolean released;

    RpcImport(RpcExport export) {
        this.export = export;
    }

    boolean released() { return released; }

    void release() {
        if (released) return;
        released = true;
        export.release();
    }
}
