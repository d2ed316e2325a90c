package dev.jworkers.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/CONFIG.md lists the compatibility flags by hand; these tests keep it equal to the Java tables. */
class CompatibilityFlagsDocTest {
    private static final Path DOC = Path.of("..", "docs", "CONFIG.md");
    private static final Pattern ACCEPTED_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| (\\S+) \\| `([a-z0-9_]+)` \\| (.+) \\|$");
    private static final Pattern REFUSED_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| ([^|]+) \\|$");

    /** The lines of the "## Compatibility flags" section. */
    private static List<String> section() throws Exception {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) in = line.equals("## Compatibility flags");
            else if (in) out.add(line);
        }
        return out;
    }

    @Test
    void theAcceptedFlagsTableMatchesCompatibilityFlags() throws Exception {
        List<CompatibilityFlags.Flag> documented = new ArrayList<>();
        for (String line : section()) {
            Matcher m = ACCEPTED_ROW.matcher(line);
            if (m.matches()) documented.add(new CompatibilityFlags.Flag(m.group(1), m.group(2).equals("—") ? null : m.group(2), m.group(3), m.group(4)));
        }
        assertEquals(CompatibilityFlags.ACCEPTED, documented);
    }

    @Test
    void theRefusedFlagsTableMatchesCompatibilityFlags() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : section()) {
            if (ACCEPTED_ROW.matcher(line).matches()) continue;
            Matcher m = REFUSED_ROW.matcher(line);
            if (m.matches()) documented.put(m.group(1), m.group(2).strip());
        }
        assertEquals(CompatibilityFlags.REFUSED, documented);
    }
}
