package dev.jworkers.cluster.api;

/** A JS RPC call's outcome: the V8-serialized value returned, or thrown when {@code threw}. */
public record CallResult(byte[] value, boolean threw) {}
