package dev.jworkers.runtime.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A wrangler module rule: files whose bundle path matches one of {@code globs} import as {@code type}.
 * {@link #effective} puts the user's rules before wrangler's defaults; a user rule without
 * {@code fallthrough} replaces the default rules of its type.
 */
public record ModuleRule(Type type, List<String> globs, boolean fallthrough) {
    /** How a file imports; JSON is this runtime's own addition for .json files (parsed value). */
    public enum Type {
        ESModule, Text, Data, CompiledWasm, JSON;

        public static Type parse(String s) {
            for (Type t : values()) if (t.name().equals(s)) return t;
            return null;
        }
    }

    /** Wrangler's default rules, plus JSON. */
    public static final List<ModuleRule> DEFAULTS = List.of(
            new ModuleRule(Type.ESModule, List.of("**/*.js", "**/*.mjs"), false),
            new ModuleRule(Type.Text, List.of("**/*.txt", "**/*.html", "**/*.sql"), false),
            new ModuleRule(Type.Data, List.of("**/*.bin"), false),
            new ModuleRule(Type.CompiledWasm, List.of("**/*.wasm", "**/*.wasm?module"), false),
            new ModuleRule(Type.JSON, List.of("**/*.json"), false));

    public static List<ModuleRule> effective(List<ModuleRule> user) {
        List<ModuleRule> out = new ArrayList<>(user);
        Set<Type> replaced = EnumSet.noneOf(Type.class);
        for (ModuleRule r : user) if (!r.fallthrough()) replaced.add(r.type());
        for (ModuleRule d : DEFAULTS) if (!replaced.contains(d.type())) out.add(d);
        return out;
    }

    /** The type of the first rule matching {@code path} (relative, with '/'), or null. */
    public static Type typeOf(List<ModuleRule> rules, String path) {
        for (ModuleRule r : rules) {
            for (String g : r.globs()) if (glob(g).matcher(path).matches()) return r.type();
        }
        return null;
    }

    /** Glob to regex: {@code **}{@code /} is any number of directories, {@code *} and {@code ?} stay within one. */
    static Pattern glob(String glob) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean dir = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                b.append(dir ? "(?:.*/)?" : ".*");
                i += dir ? 2 : 1;
            } else if (c == '*') {
                b.append("[^/]*");
            } else if (c == '?') {
                b.append("[^/]");
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
