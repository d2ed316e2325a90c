package dev.jworkers.jsapi;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code ops.clone}: what structuredClone must know about an object and JavaScript cannot ask
 * without side effects: whether it is a Proxy (which structured serialization refuses, whatever
 * it wraps) and whether it has an [[ErrorData]] slot (ES has no Error.isError here yet).
 */
public final class CloneOps {
    static final int ORDINARY = 0, PROXY = 1, ERROR = 2;

    @HostAccess.Export
    public int kind(Value v) {
        // GraalJS gives a Proxy (even a revoked one) the non-executable meta object "Proxy"; any
        // other object's meta object is its constructor (or none), without running user code.
        Value meta = v.getMetaObject();
        if (meta != null && !meta.canExecute() && "Proxy".equals(meta.getMetaSimpleName())) return PROXY;
        return v.isException() ? ERROR : ORDINARY;
    }
}
