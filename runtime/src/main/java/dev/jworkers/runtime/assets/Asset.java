package dev.jworkers.runtime.assets;

import java.nio.file.Path;

/**
 * One file of an assets directory, as scanned at start-up.
 *
 * @param path        where it is looked up: {@code /} and its path relative to the directory, not encoded
 * @param file        the file on disk (inside the directory, symlinks resolved)
 * @param size        its length in bytes when scanned
 * @param etag        a hash of its content (32 hex digits); the ETag header is it in quotes
 * @param contentType the Content-Type header, or null (an extension no one registered)
 * @param bytes       its content when it is small enough to keep in memory, else null (read from disk when served)
 */
record Asset(String path, Path file, long size, String etag, String contentType, byte[] bytes) {}
