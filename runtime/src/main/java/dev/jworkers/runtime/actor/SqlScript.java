package dev.jworkers.runtime.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code sql.exec(query)} may run: the query split into statements (SQLite prepares one at a
 * time), each checked against the rules workerd enforces with SQLite's authorizer, which the JDBC
 * driver does not expose: no names starting with {@code _cf_} (the runtime's own tables), no
 * transaction statements (use {@code transactionSync}), no ATTACH/DETACH or VACUUM INTO (they would
 * reach other files), and only the PRAGMAs that read schema or check integrity.
 */
final class SqlScript {
    /** One statement: its text, whether it may write, and the {@code _cf_} names it mentions. */
    record Part(String sql, boolean writes, List<String> reserved) {
        Part {
            reserved = List.copyOf(reserved);
        }
    }

    private static final Set<String> TRANSACTION_VERBS = Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");
    private static final Set<String> READ_VERBS = Set.of("SELECT", "EXPLAIN", "VALUES");
    /** Those workerd allows (checked with it: e.g. journal_mode, synchronous, page_count and integrity_check are refused). */
    private static final Set<String> PRAGMAS = Set.of("table_list", "table_info", "table_xinfo", "index_list", "index_info",
            "index_xinfo", "foreign_key_list", "foreign_key_check", "foreign_keys", "defer_foreign_keys", "quick_check",
            "page_size", "data_version", "optimize", "case_sensitive_like");

    private SqlScript() {}

    /** Parsed queries: the same few queries run again and again. Bounded; cleared when full. */
    private static final ConcurrentHashMap<String, List<Part>> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_MAX = 1024;

    /** Splits and checks {@code query}; throws {@link SqlRejected} with workerd's wording when a rule is broken. */
    static List<Part> parse(String query) {
        List<Part> cached = PARSED.get(query);
        if (cached != null) return cached;
        List<Part> parts = split(query);
        if (PARSED.size() >= PARSED_MAX) PARSED.clear();
        if (query.length() <= 4096) PARSED.put(query, parts);
        return parts;
    }

    private static List<Part> split(String query) {
        List<Part> parts = new ArrayList<>();
        Scanner s = new Scanner(query);
        while (true) {
            Part p = s.next();
            if (p == null) break;
            parts.add(p);
        }
        // workerd prepares what follows the last statement too: a lone ";" there is no statement.
        if (s.strayTerminator) throw new SqlRejected(NO_STATEMENT);
        return List.copyOf(parts);
    }

    /** A statement the rules forbid. */
    static final class SqlRejected extends RuntimeException {
        SqlRejected(String message) {
            super(message, null, false, false);
        }
    }

    static final String NO_STATEMENT = "SQL code did not contain a statement.";

    private static final class Scanner {
        private final String q;
        private int i;
        boolean strayTerminator;
        private List<String> reserved;

        Scanner(String q) {
            this.q = q;
        }

        Part next() {
            int start = -1;
            reserved = new ArrayList<>(0);
            List<String> words = new ArrayList<>(4);
            boolean trigger = false;
            int caseDepth = 0;
            boolean sawBegin = false;
            int n = q.length();
            while (i < n) {
                char c = q.charAt(i);
                if (c == '-' && i + 1 < n && q.charAt(i + 1) == '-') {
                    int e = q.indexOf('\n', i);
                    i = e < 0 ? n : e + 1;
                    continue;
                }
                if (c == '/' && i + 1 < n && q.charAt(i + 1) == '*') {
                    int e = q.indexOf("*/", i + 2);
                    i = e < 0 ? n : e + 2;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (start < 0) start = i;
                if (c == ';') {
                    i++;
                    if (trigger && !(sawBegin && caseDepth < 0)) continue;
                    String text = q.substring(start, i - 1).strip();
                    if (!text.isEmpty()) return part(text, words, reserved);
                    strayTerminator = true;
                    start = -1;
                    continue;
                }
                if (c == '\'' || c == '"' || c == '`' || c == '[') {
                    char close = c == '[' ? ']' : c;
                    int e = i + 1;
                    StringBuilder ident = new StringBuilder();
                    while (e < n) {
                        char d = q.charAt(e);
                        if (d == close) {
                            if (close != ']' && e + 1 < n && q.charAt(e + 1) == close) {
                                ident.append(d);
                                e += 2;
                                continue;
                            }
                            break;
                        }
                        ident.append(d);
                        e++;
                    }
                    if (c != '\'') checkName(ident.toString());
                    i = Math.min(n, e + 1);
                    continue;
                }
                if (Character.isLetter(c) || c == '_') {
                    int e = i + 1;
                    while (e < n && (Character.isLetterOrDigit(q.charAt(e)) || q.charAt(e) == '_' || q.charAt(e) == '$')) e++;
                    String w = q.substring(i, e);
                    checkName(w);
                    String up = w.toUpperCase(Locale.ROOT);
                    if (words.size() < 4) {
                        words.add(up);
                        if (up.equals("TRIGGER") && words.get(0).equals("CREATE")) trigger = true;
                    }
                    if (trigger) {
                        if (up.equals("BEGIN")) sawBegin = true;
                        else if (sawBegin && up.equals("CASE")) caseDepth++;
                        else if (sawBegin && up.equals("END")) caseDepth--;
                    }
                    i = e;
                    continue;
                }
                i++;
            }
            if (start < 0) return null;
            strayTerminator = false;
            String text = q.substring(start).strip();
            return text.isEmpty() ? null : part(text, words, reserved);
        }

        private static Part part(String text, List<String> words, List<String> reserved) {
            if (!reserved.isEmpty() && (words.contains("CREATE") || words.contains("ALTER"))) throw notAuthorized();
            String verb = words.isEmpty() ? "" : words.get(0);
            if (TRANSACTION_VERBS.contains(verb)) {
                throw new SqlRejected("To execute a transaction, please use the state.storage.transaction() or "
                        + "state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. "
                        + "The JavaScript API is safer because it will automatically roll back on exceptions, and because it "
                        + "interacts correctly with Durable Objects' automatic atomic write coalescing.");
            }
            if (verb.equals("ATTACH") || verb.equals("DETACH") || (verb.equals("VACUUM") && words.contains("INTO"))
                    || (verb.equals("CREATE") && (words.contains("TEMP") || words.contains("TEMPORARY")))) {
                throw notAuthorized();
            }
            if (verb.equals("PRAGMA")) {
                String name = words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : "";
                if (!PRAGMAS.contains(name)) throw notAuthorized();
                return new Part(text, name.equals("optimize") || text.contains("="), reserved);
            }
            return new Part(text, !READ_VERBS.contains(verb), reserved);
        }

        /** Names starting with _cf_ belong to the runtime; whether they exist decides the error (see Actor). */
        private void checkName(String name) {
            if (name.length() >= 4 && name.regionMatches(true, 0, "_cf_", 0, 4)) reserved.add(name);
        }
    }

    static SqlRejected notAuthorized() {
        return new SqlRejected("not authorized: SQLITE_AUTH");
    }
}
