package dev.jworkers.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case file under conformance-tests/cases, served by this runtime and by workerd. Cases that
 * need npm when it is unreachable are skipped (never passed). The table goes to docs/CONFORMANCE.md.
 */
class ConformanceTest {
    private static final Path ROOT = findRoot();
    private static final Path CASES = ROOT.resolve("conformance-tests/cases");
    private static final NpmCache NPM = new NpmCache(ROOT);
    private static final Map<String, CaseRun.Row> ROWS = new ConcurrentSkipListMap<>();
    private static Path workerd;
    private static String workerdMissing;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CASES)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream()
                .map(f -> Map.entry(CASES.relativize(f).toString().replaceFirst("\\.json$", ""), f))
                .filter(e -> selected(e.getKey()))
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> runCase(e.getKey(), e.getValue())));
    }

    /**
     * -Dconformance.only=templates/openapi-ts,samples/ runs the cases whose names start with one of
     * the given prefixes; the table of such a partial run is printed, not written into the docs.
     */
    private static final String ONLY = System.getProperty("conformance.only", "").strip();

    private static boolean selected(String name) {
        if (ONLY.isEmpty()) return true;
        for (String prefix : ONLY.split(",")) if (!prefix.isBlank() && name.startsWith(prefix.strip())) return true;
        return false;
    }

    private static void runCase(String name, Path file) throws Exception {
        CaseSpec spec = CaseSpec.read(file);
        CaseRun.Row row;
        try {
            row = CaseRun.run(name, spec, ROOT, NPM, oracle(), workerdMissing);
        } catch (NpmCache.Unavailable e) {
            ROWS.put(name, new CaseRun.Row(name, "skipped: " + e.getMessage(), "skipped", List.of(), true, ""));
            Assumptions.abort("npm unavailable: " + e.getMessage());
            return;
        }
        ROWS.put(name, row);
        assertTrue(row.ok(), () -> name + ": here " + row.ours() + " | workerd " + row.workerd() + " | differences " + row.differences()
                + "\nserver log:\n" + row.log());
    }

    /** workerd, installed once per run; null (with the reason kept) when npm cannot install it. */
    private static synchronized Path oracle() {
        if (workerd == null && workerdMissing == null) {
            try {
                workerd = NPM.workerd();
            } catch (NpmCache.Unavailable e) {
                workerdMissing = e.getMessage();
            }
        }
        return workerd;
    }

    @AfterAll
    static void writeTable() throws IOException {
        if (ROWS.isEmpty()) return;
        String table = ConformanceTable.render(ROWS.values());
        System.out.println(table);
        if (ONLY.isEmpty()) ConformanceTable.write(ROOT.resolve("docs/CONFORMANCE.md"), table);
        else System.out.println("(conformance.only is set: docs/CONFORMANCE.md left as it is)");
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("tools/runtime"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("not inside the jworkers repository");
        return p;
    }
}
