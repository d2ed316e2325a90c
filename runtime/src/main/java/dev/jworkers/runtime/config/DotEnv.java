package dev.jworkers.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .dev.vars} file (dotenv syntax, as wrangler reads it): {@code NAME=value} lines,
 * {@code #} comments, an optional {@code export } prefix, values in double quotes (with {@code \n}
 * escapes and possibly several lines), single quotes (literal) or bare (trailing comment and
 * whitespace trimmed).
 */
final class DotEnv {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(\"(?:\\\\.|[^\"\\\\])*\"|'[^']*'|[^\\r\\n]*)\\s*$");

    private DotEnv() {}

    static Map<String, String> parse(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text);
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = LINE.matcher(text.replace("\r\n", "\n"));
        while (m.find()) {
            String raw = m.group(2);
            String value;
            if (raw.startsWith("\"") && raw.endsWith("\"") && raw.length() >= 2) {
                value = raw.substring(1, raw.length() - 1).replace("\\n", "\n").replace("\\r", "\r")
                        .replace("\\\"", "\"").replace("\\\\", "\\");
            } else if (raw.startsWith("'") && raw.endsWith("'") && raw.length() >= 2) {
                value = raw.substring(1, raw.length() - 1);
            } else {
                int hash = raw.indexOf(" #");
                value = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            }
            out.put(m.group(1), value);
        }
        return out;
    }
}
