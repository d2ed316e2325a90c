package dev.jworkers.runtime.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The compatibility flags this runtime accepts. Each one switches on a behaviour this runtime
 * always has, so accepting it is honest and it needs no per-Worker switch; its opposite (the old
 * behaviour) is refused by name, since we cannot provide it. Names, dates and opposites are
 * workerd's. Like workerd, an unknown flag, a flag given twice, or a flag with its opposite is a
 * start-up error, and a flag already on by the compatibility date gets a warning. The exceptions
 * are the {@link #SWITCHED} flags, whose behaviour is cheap to switch per Worker: they follow the
 * date and the flags as in workerd, and their opposites are accepted.
 * docs/CONFIG.md lists this table (a test keeps the two equal).
 */
public final class CompatibilityFlags {
    /**
     * @param name        the flag
     * @param enableDate  the compatibility date from which workerd turns it on by itself, or null
     * @param opposite    the flag that turns it off, or null
     * @param description what it switches, as it holds here
     */
    public record Flag(String name, String enableDate, String opposite, String description) {}

    public static final List<Flag> ACCEPTED = List.of(
            new Flag("formdata_parser_supports_files", "2021-11-03", "formdata_parser_converts_files_to_strings",
                    "FormData parsed from a body gives File values for file parts"),
            new Flag("fetch_refuses_unknown_protocols", "2021-11-10", "fetch_treats_unknown_protocols_as_http",
                    "`fetch()` of a URL whose scheme is not `http:`, `https:` or `data:` throws `TypeError: Fetch API cannot load: <url>`"),
            new Flag("workers_api_getters_setters_on_prototype", "2022-01-31", "workers_api_getters_setters_on_instance",
                    "Web API attributes are accessors on the prototypes, so subclasses can override them"),
            new Flag("global_navigator", "2022-03-21", "no_global_navigator",
                    "the global `navigator` exists"),
            new Flag("url_standard", "2022-10-31", "url_original",
                    "`URL` follows the WHATWG URL Standard"),
            new Flag("streams_enable_constructors", "2022-11-30", "streams_disable_constructors",
                    "`new ReadableStream(source)` takes a JavaScript underlying source (WritableStream is not provided yet)"),
            new Flag("http_headers_getsetcookie", "2023-03-01", "no_http_headers_getsetcookie",
                    "`Headers#getSetCookie()` exists and iteration gives each Set-Cookie separately"),
            new Flag("urlsearchparams_delete_has_value_arg", "2023-07-01", "no_urlsearchparams_delete_has_value_arg",
                    "`URLSearchParams#delete()` and `#has()` take the optional value argument"),
            new Flag("no_global_importscripts", "2024-03-04", "global_importscripts",
                    "there is no global `importScripts()`"),
            new Flag("rpc", "2024-04-03", "no_rpc",
                    "service bindings and Durable Object stubs take JS RPC calls"),
            new Flag("upper_case_all_http_methods", "2024-10-14", "no_upper_case_all_http_methods",
                    "`Request` upper-cases any known method name (`patch` becomes `PATCH`)"),
            new Flag("assets_navigation_prefers_asset_serving", "2025-04-01", "assets_navigation_has_no_effect",
                    "a navigation request (`Sec-Fetch-Mode: navigate`) that matches no static asset gets the assets' `not_found_handling` instead of the Worker. Unlike the others, this flag is switched per Worker: on from its date or with the flag, off before it or with its opposite, which is accepted too"),
            new Flag("urlpattern_standard", "2025-05-01", "urlpattern_original",
                    "`URLPattern` follows the WHATWG URLPattern Standard"),
            new Flag("enable_weak_ref", "2025-05-05", "disable_weak_ref",
                    "`WeakRef` and `FinalizationRegistry` exist"),
            new Flag("enable_navigator_language", "2025-05-19", "disable_navigator_language",
                    "`navigator.language` exists"),
            new Flag("allow_eval_during_startup", "2025-06-01", "disallow_eval_during_startup",
                    "`eval()` and `new Function()` work during start-up (and, unlike workerd, while handling requests too)"),
            new Flag("set_event_target_this", "2025-08-01", "no_set_event_target_this",
                    "event listeners are called with the event target as `this`"),
            new Flag("global_fetch_strictly_public", null, "global_fetch_private_origin",
                    "`fetch()` of a host name goes to the public Internet, never to a zone's origin: this runtime has no zone, so that always holds"));

    /**
     * Flags whose behaviour this runtime switches per Worker (by the compatibility date or the flag),
     * so that their opposites are accepted too; see {@link #enabled}.
     */
    static final java.util.Set<String> SWITCHED = java.util.Set.of("assets_navigation_prefers_asset_serving");

    /** Known workerd flags this runtime cannot honour, with the reason given to the user. */
    static final Map<String, String> REFUSED = Map.of(
            "nodejs_compat", "this runtime has no Node.js compatibility layer (no node:* modules, no Buffer or process globals)",
            "nodejs_compat_v2", "this runtime has no Node.js compatibility layer (no node:* modules, no Buffer or process globals)",
            "nodejs_als", "AsyncLocalStorage (node:async_hooks) is not provided",
            "python_workers", "Python Workers are not supported",
            "transformstream_enable_standard_constructor", "TransformStream is not provided yet");

    private static final Map<String, Flag> BY_NAME = new HashMap<>();
    private static final Map<String, Flag> BY_OPPOSITE = new HashMap<>();
    static {
        for (Flag f : ACCEPTED) {
            BY_NAME.put(f.name(), f);
            if (f.opposite() != null) BY_OPPOSITE.put(f.opposite(), f);
        }
    }

    private CompatibilityFlags() {}

    /**
     * Checks {@code flags} (from {@code file}'s field {@code field}) against the table; {@code date}
     * (may be null) is the Worker's compatibility date, for the "already the default" warning.
     */
    public static void validate(List<String> flags, String date, String file, String field, Consumer<String> warn) throws ConfigException {
        // Duplicates and contradictions first, as workerd reports them before unknown flags.
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            String at = field + "[" + i + "]";
            if (seen.containsKey(f)) throw Fields.error(file, at, "compatibility flag specified multiple times: \"" + f + "\"");
            String other = oppositeOf(f);
            if (other != null && seen.containsKey(other)) {
                throw Fields.error(file, at, "compatibility flags are mutually contradictory: \"" + other + "\" vs \"" + f + "\"");
            }
            seen.put(f, i);
        }
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            String at = field + "[" + i + "]";
            Flag accepted = BY_NAME.get(f);
            if (accepted != null) {
                if (date != null && accepted.enableDate() != null && date.compareTo(accepted.enableDate()) >= 0) {
                    warn.accept(file + ": field '" + at + "': the compatibility flag \"" + f + "\" became the default as of "
                            + accepted.enableDate() + " so does not need to be specified anymore");
                }
                continue;
            }
            Flag reversed = BY_OPPOSITE.get(f);
            if (reversed != null && SWITCHED.contains(reversed.name())) continue;
            if (reversed != null) {
                throw Fields.error(file, at, "compatibility flag \"" + f + "\" is not supported: this runtime always behaves as \""
                        + reversed.name() + "\" (" + reversed.description() + ")");
            }
            String reason = REFUSED.get(f);
            if (reason != null) throw Fields.error(file, at, "compatibility flag \"" + f + "\" is not supported: " + reason);
            throw Fields.error(file, at, "compatibility flag \"" + f + "\" is unknown or not supported by this runtime"
                    + " (docs/CONFIG.md lists the flags it accepts)");
        }
    }

    /**
     * Whether switched flag {@code flag} (one of {@link #SWITCHED}) is on for a Worker with
     * {@code date} (may be null: no date, so only the flag turns it on) and {@code flags}, as in
     * workerd: the flag or its opposite wins, else the date decides.
     */
    public static boolean enabled(String flag, String date, List<String> flags) {
        Flag f = BY_NAME.get(flag);
        if (f == null || !SWITCHED.contains(flag)) throw new IllegalArgumentException("not a switched flag: " + flag);
        if (flags.contains(flag)) return true;
        if (f.opposite() != null && flags.contains(f.opposite())) return false;
        return date != null && f.enableDate() != null && date.compareTo(f.enableDate()) >= 0;
    }

    private static String oppositeOf(String flag) {
        Flag f = BY_NAME.get(flag);
        if (f != null) return f.opposite();
        Flag r = BY_OPPOSITE.get(flag);
        return r != null ? r.name() : null;
    }
}
