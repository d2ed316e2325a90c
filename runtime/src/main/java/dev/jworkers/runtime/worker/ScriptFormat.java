package dev.jworkers.runtime.worker;

/**
 * The two Worker syntaxes. A script with a top-level {@code import} or {@code export} statement is an
 * ES module Worker; otherwise it is a service-worker script ({@code addEventListener("fetch", ...)}).
 */
public enum ScriptFormat {
    MODULES, SERVICE_WORKER;

    /** Scans the source, skipping comments, strings and template literals, for module syntax. */
    public static ScriptFormat detect(String src) {
        int n = src.length();
        int i = 0;
        boolean statementStart = true;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(src, i, c);
                statementStart = false;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(src.charAt(i))) i++;
                String word = src.substring(start, i);
                if (statementStart && (word.equals("export") || (word.equals("import") && !nextIs(src, i, '(') && !nextIs(src, i, '.')))) {
                    return MODULES;
                }
                statementStart = false;
                continue;
            }
            if (c == ';' || c == '{' || c == '}' || c == '\n') statementStart = true;
            else if (!Character.isWhitespace(c)) statementStart = false;
            i++;
        }
        return SERVICE_WORKER;
    }

    private static boolean nextIs(String src, int i, char want) {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) i++;
        return i < src.length() && src.charAt(i) == want;
    }

    private static int skipString(String src, int i, char quote) {
        int n = src.length();
        i++;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\\') { i += 2; continue; }
            if (c == quote) return i + 1;
            if (quote == '`' && c == '$' && i + 1 < n && src.charAt(i + 1) == '{') {
                // Skip the substitution, counting braces (nested strings inside are rare enough).
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    char d = src.charAt(i);
                    if (d == '{') depth++;
                    else if (d == '}') depth--;
                    else if (d == '"' || d == '\'' || d == '`') { i = skipString(src, i, d); continue; }
                    i++;
                }
                continue;
            }
            i++;
        }
        return n;
    }
}
