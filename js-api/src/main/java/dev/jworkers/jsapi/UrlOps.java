package dev.jworkers.jsapi;

/** {@code ops.url}: the heavy lifting behind URL (e.g. IDNA), filled in by the URL work. */
public final class UrlOps {
}
