package dev.jworkers.cluster.ownership;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validates namespace and object id before they become path segments: no path tricks pass. */
final class ObjectName {
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{64}");

  private ObjectName() {}

  static String namespace(String namespace) {
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("bad Durable Object namespace (letters, digits, '_', '.', '-'; "
          + "not starting with '.' or '-'; at most 128): " + printable(namespace));
    }
    return namespace;
  }

  /** The id in lower case; it must be exactly 64 hex digits. */
  static String objectId(String id) {
    if (id == null || !OBJECT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a Durable Object id is 64 hex digits, not " + printable(id));
    }
    return id.toLowerCase(Locale.ROOT);
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
