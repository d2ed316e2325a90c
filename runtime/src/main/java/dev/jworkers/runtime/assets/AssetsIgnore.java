package dev.jworkers.runtime.assets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files an assets directory does not serve: {@code .assetsignore}, {@code _headers} and
 * {@code _redirects} at its root (as wrangler leaves them out), and whatever the patterns of its
 * {@code .assetsignore} match. The patterns have {@code .gitignore} syntax: {@code #} comments,
 * {@code !} re-includes, a trailing {@code /} matches directories only, a leading or inner
 * {@code /} anchors a pattern at the root (otherwise it matches at any depth), {@code *},
 * {@code ?}, {@code [...]} and {@code **}; the last matching pattern decides, and nothing inside an
 * ignored directory can be re-included.
 */
final class AssetsIgnore {
    static final String FILE = ".assetsignore";
    private static final List<String> ALWAYS = List.of("/" + FILE, "/_headers", "/_redirects");

    private record Rule(Pattern regex, boolean negate, boolean directoryOnly) {}

    private final List<Rule> rules = new ArrayList<>();

    private AssetsIgnore(List<String> lines) {
        for (String l : ALWAYS) add(l);
        for (String l : lines) add(l);
    }

    /** The default rules plus {@code lines} (the content of an {@code .assetsignore}, one pattern a line). */
    static AssetsIgnore of(List<String> lines) {
        return new AssetsIgnore(lines);
    }

    /**
     * Whether {@code path} (relative to the assets directory, {@code /}-separated, no leading
     * {@code /}) is left out; {@code directory} says whether it names a directory.
     */
    boolean ignored(String path, boolean directory) {
        // An ignored parent directory hides everything below it.
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            if (decide(path.substring(0, i), true)) return true;
        }
        return decide(path, directory);
    }

    private boolean decide(String path, boolean directory) {
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.directoryOnly && !directory) continue;
            if (r.regex.matcher(path).matches()) ignored = !r.negate;
        }
        return ignored;
    }

    private void add(String line) {
        String p = stripTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) return;
        boolean negate = false;
        if (p.startsWith("!")) {
            negate = true;
            p = p.substring(1);
        } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
            p = p.substring(1);
        }
        boolean directoryOnly = false;
        if (p.endsWith("/") && !p.endsWith("\\/")) {
            directoryOnly = true;
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) return;
        boolean anchored = p.indexOf('/') >= 0;
        if (p.startsWith("/")) p = p.substring(1);
        String body = translate(p);
        String regex = anchored || p.startsWith("**/") ? "^" + body + "$" : "^(?:.*/)?" + body + "$";
        rules.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), negate, directoryOnly));
    }

    /** Trailing spaces are dropped unless escaped with a backslash. */
    private static String stripTrailingSpaces(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int end = l.length();
        while (end > 0 && l.charAt(end - 1) == ' ' && !(end > 1 && l.charAt(end - 2) == '\\')) end--;
        return l.substring(0, end);
    }

    /** A glob as a regular expression over a whole relative path. */
    private static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*') {
                boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
                int j = i + 2;
                boolean atEnd = j == n || glob.charAt(j) == '/';
                if (atStart && atEnd) {
                    if (j == n) {
                        re.append(".*");               // "a/**": everything inside
                    } else {
                        re.append("(?:.*/)?");         // "**/b", "a/**/b": zero or more directories
                        j++;
                    }
                    i = j - 1;
                    continue;
                }
                re.append("[^/]*");
                i = j - 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, close);
                re.append('[');
                int k = 0;
                if (set.startsWith("!") || set.startsWith("^")) {
                    re.append('^');
                    k = 1;
                }
                for (; k < set.length(); k++) {
                    char s = set.charAt(k);
                    if (s == '\\' || s == '[' || s == ']' || s == '^' || s == '&') re.append('\\');
                    re.append(s);
                }
                re.append(']');
                i = close;
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
