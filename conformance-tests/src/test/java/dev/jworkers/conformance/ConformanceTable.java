package dev.jworkers.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The run's table: printed, and written into docs/CONFORMANCE.md between the marker comments. */
final class ConformanceTable {
    static final String BEGIN = "<!-- conformance:begin -->";
    static final String END = "<!-- conformance:end -->";

    private ConformanceTable() {}

    static String render(Collection<CaseRun.Row> rows) {
        StringBuilder out = new StringBuilder()
                .append("Templates from create-cloudflare ").append(NpmCache.CREATE_CLOUDFLARE)
                .append(" with their npm dependencies (").append(dependencies()).append(")")
                .append(", workerd ").append(System.getProperty("conformance.workerd", "1.20261117.1"))
                .append(" as the oracle (static assets through the router and asset Workers of @cloudflare/workers-shared ")
                .append(NpmCache.WORKERS_SHARED).append(")")
                .append(", TypeScript bundled by esbuild ").append(NpmCache.ESBUILD)
                .append(". Written by `tools/conformance` (`ConformanceTest`).\n\n")
                .append("| case | this runtime | workerd | differences |\n| --- | --- | --- | --- |\n");
        rows.stream().sorted(Comparator.comparing(CaseRun.Row::name)).forEach(r -> out.append("| `").append(r.name()).append("` | ")
                .append(cell(r.ours())).append(" | ").append(cell(r.workerd())).append(" | ")
                .append(r.differences().isEmpty() ? "none" : cell(String.join("; ", r.differences()))).append(" |\n"));
        return out.toString();
    }

    /** "chanfana 3.4.0, hono 4.13.19, ...": every pinned template dependency once, by name. */
    private static String dependencies() {
        return NpmCache.TEMPLATE_DEPENDENCIES.values().stream().flatMap(List::stream).distinct().sorted()
                .map(spec -> spec.substring(0, spec.lastIndexOf('@')) + " " + spec.substring(spec.lastIndexOf('@') + 1))
                .collect(Collectors.joining(", "));
    }

    /** Replaces the text between the markers (appending a section with them when they are missing). */
    static void write(Path doc, String table) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc) : "# Conformance\n";
        int b = text.indexOf(BEGIN), e = text.indexOf(END);
        String block = BEGIN + "\n" + table + END;
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + block + text.substring(e + END.length());
        } else {
            text = text.stripTrailing() + "\n\n## Templates and samples\n\n"
                    + "Cloudflare's templates and our samples, served here and by workerd with the same requests\n"
                    + "(`conformance-tests/README.md` describes the harness and the case files). `tools/conformance`\n"
                    + "writes the table below.\n\n" + block + "\n";
        }
        Files.writeString(doc, text);
    }

    private static String cell(String s) { return s.replace("|", "\\|").replace("\n", " "); }
}
