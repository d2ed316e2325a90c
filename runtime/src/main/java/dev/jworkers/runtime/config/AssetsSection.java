package dev.jworkers.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads wrangler's {@code assets} section: {@code directory}, {@code binding}, {@code html_handling},
 * {@code not_found_handling} and {@code run_worker_first} (a boolean, or route patterns checked with
 * the rules wrangler applies before it uploads them).
 */
final class AssetsSection {
    private static final Set<String> KEYS = Set.of("directory", "binding", "html_handling", "not_found_handling", "run_worker_first");
    /** Cloudflare's limits on {@code run_worker_first} routes: at most 100, each at most 100 characters. */
    static final int MAX_ROUTES = 100, MAX_ROUTE_LENGTH = 100;

    private AssetsSection() {}

    /**
     * {@code node} is the section (read at {@code field}); relative directories resolve against
     * {@code dir}, the config's folder. {@code hasScript}: whether the Worker has a {@code main}.
     */
    static WorkerConfig.Assets read(JsonNode node, String file, String field, Path dir, boolean hasScript, boolean navigation,
                                    Consumer<String> warn) throws ConfigException {
        if (!node.isObject()) throw Fields.error(file, field, "expected an object with 'directory' (the folder of static assets)");
        Fields.warnUnknown(node, KEYS, file, field + ".", warn);
        String directory = Fields.requiredString(node, "directory", file, field + ".directory", "the folder of static assets to serve");
        Path path = dir.resolve(directory).normalize();
        if (!Files.exists(path)) throw Fields.error(file, field + ".directory", "directory not found: " + directory);
        if (!Files.isDirectory(path)) throw Fields.error(file, field + ".directory", "not a directory: " + directory);

        String binding = null;
        if (node.has("binding")) {
            binding = Fields.requiredString(node, "binding", file, field + ".binding", "the name the Worker sees in env");
            if (!hasScript) {
                // As wrangler: nothing could use the binding.
                throw Fields.error(file, field + ".binding", "cannot use assets with a binding in an assets-only Worker: remove the"
                        + " binding, or give the Worker a script ('main')");
            }
        }
        WorkerConfig.HtmlHandling html = WorkerConfig.HtmlHandling.AUTO_TRAILING_SLASH;
        String h = Fields.string(node, "html_handling", file, field + ".html_handling");
        if (h != null) {
            html = null;
            for (WorkerConfig.HtmlHandling v : WorkerConfig.HtmlHandling.values()) if (v.configName.equals(h)) html = v;
            if (html == null) {
                throw Fields.error(file, field + ".html_handling", "expected one of auto-trailing-slash, force-trailing-slash,"
                        + " drop-trailing-slash, none; got '" + h + "'");
            }
        }
        WorkerConfig.NotFoundHandling notFound = WorkerConfig.NotFoundHandling.NONE;
        String n = Fields.string(node, "not_found_handling", file, field + ".not_found_handling");
        if (n != null) {
            notFound = null;
            for (WorkerConfig.NotFoundHandling v : WorkerConfig.NotFoundHandling.values()) if (v.configName.equals(n)) notFound = v;
            if (notFound == null) {
                throw Fields.error(file, field + ".not_found_handling", "expected one of none, 404-page, single-page-application;"
                        + " got '" + n + "'");
            }
        }

        boolean first = false;
        List<String> routes = List.of();
        JsonNode rwf = node.get("run_worker_first");
        String rwfField = field + ".run_worker_first";
        if (rwf != null && !rwf.isNull()) {
            if (rwf.isBoolean()) {
                first = rwf.asBoolean();
                if (first && !hasScript) {
                    throw Fields.error(file, rwfField, "cannot be true without a Worker script: remove it, or give the Worker a"
                            + " script ('main')");
                }
                if (first && binding == null) {
                    warn.accept(file + ": field '" + rwfField + "': true without an assets binding: every request runs the Worker,"
                            + " which cannot reach the assets (set '" + field + ".binding')");
                }
            } else if (rwf.isArray()) {
                routes = routes(rwf, file, rwfField);
                if (!hasScript) {
                    throw Fields.error(file, rwfField, "route patterns need a Worker script to route to: remove them, or give the"
                            + " Worker a script ('main')");
                }
            } else {
                throw Fields.error(file, rwfField, "expected true, false, or an array of route patterns such as"
                        + " [\"/api/*\", \"!/api/docs/*\"]");
            }
        }
        return new WorkerConfig.Assets(path, binding, html, notFound, first, routes, navigation);
    }

    /**
     * {@code run_worker_first} as route patterns: each starts with {@code /} (to the Worker) or
     * {@code !/} (to the assets), at least one is positive, none repeats or is made redundant by a
     * {@code *} pattern of the same kind, at most {@link #MAX_ROUTES} of at most
     * {@link #MAX_ROUTE_LENGTH} characters, as Cloudflare requires.
     */
    private static List<String> routes(JsonNode array, String file, String field) throws ConfigException {
        List<String> rules = Fields.strings(array, file, field);
        if (rules.isEmpty()) throw Fields.error(file, field, "no route patterns: give at least one, or true/false");
        if (rules.size() > MAX_ROUTES) {
            throw Fields.error(file, field, rules.size() + " route patterns; at most " + MAX_ROUTES + " are allowed");
        }
        boolean positive = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String r = rules.get(i);
            String at = field + "[" + i + "]";
            if (r.startsWith("!") && !r.startsWith("!/")) throw Fields.error(file, at, "'" + r + "': a negative pattern must start with '!/'");
            if (!r.startsWith("/") && !r.startsWith("!/")) throw Fields.error(file, at, "'" + r + "': a pattern must start with '/' or '!/'");
            if (r.length() > MAX_ROUTE_LENGTH) {
                throw Fields.error(file, at, "'" + r + "': a pattern may have at most " + MAX_ROUTE_LENGTH + " characters");
            }
            if (!seen.add(r)) throw Fields.error(file, at, "'" + r + "': repeats an earlier pattern");
            positive |= r.startsWith("/");
        }
        if (!positive) {
            throw Fields.error(file, field, "only negative patterns: give at least one pattern (such as \"/*\") that routes to the Worker");
        }
        List<String> glob = new ArrayList<>();
        for (String r : rules) if (r.endsWith("*")) glob.add(r);
        for (String g : glob) {
            String prefix = g.substring(0, g.length() - 1);
            for (int i = 0; i < rules.size(); i++) {
                String other = rules.get(i);
                if (!other.equals(g) && other.startsWith(prefix)) {
                    throw Fields.error(file, field + "[" + i + "]", "'" + other + "': pattern '" + g + "' makes it redundant");
                }
            }
        }
        return List.copyOf(rules);
    }
}
