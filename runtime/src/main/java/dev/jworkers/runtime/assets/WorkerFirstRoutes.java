package dev.jworkers.runtime.assets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code run_worker_first} as route patterns: a request whose pathname matches a negative pattern
 * ({@code !/assets/*}) goes to the assets, else one matching a positive pattern ({@code /api/*})
 * goes to the Worker, else the usual order applies. A pattern matches the whole pathname (as the
 * URL carries it, percent-encoded); {@code *} matches any characters, slashes included. The order
 * of the patterns does not matter.
 */
final class WorkerFirstRoutes {
    private final List<Pattern> toAssets = new ArrayList<>();
    private final List<Pattern> toWorker = new ArrayList<>();

    WorkerFirstRoutes(List<String> patterns) {
        for (String p : patterns) {
            if (p.startsWith("!")) toAssets.add(compile(p.substring(1)));
            else toWorker.add(compile(p));
        }
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int from = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', from)) {
            if (star > from) re.append(Pattern.quote(glob.substring(from, star)));
            re.append(".*");
            from = star + 1;
        }
        if (from < glob.length()) re.append(Pattern.quote(glob.substring(from)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    boolean toAssets(String pathname) {
        return matches(toAssets, pathname);
    }

    boolean toWorker(String pathname) {
        return matches(toWorker, pathname);
    }

    private static boolean matches(List<Pattern> patterns, String pathname) {
        for (Pattern p : patterns) if (p.matcher(pathname).matches()) return true;
        return false;
    }
}
