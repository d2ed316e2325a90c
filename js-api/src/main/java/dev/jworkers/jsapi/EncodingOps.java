package dev.jworkers.jsapi;

/** {@code ops.encoding}: the heavy lifting behind TextEncoder/TextDecoder, filled in by the encoding work. */
public final class EncodingOps {
}
