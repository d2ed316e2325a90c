package dev.jworkers.cluster.rpc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code interop bench} and {@code interop bench-pipelined} print:
 * {@code roundtrips N persec X p50us A p99us B}. Round-trip latencies are in microseconds.
 */
public record BenchResult(long roundtrips, long perSecond, double p50us, double p99us) {

    private static final Pattern LINE =
            Pattern.compile("roundtrips (\\d+) persec (\\d+) p50us (\\d+\\.\\d) p99us (\\d+\\.\\d)");

    /** Parses the bench line, or returns null when {@code line} is not one. */
    public static BenchResult parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return null;
        return new BenchResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
    }

    /** The result of a bench run, failing the test when the run failed or printed no result. */
    public static BenchResult of(CppRun run) {
        assertEquals(0, run.exitCode(), run::describe);
        for (String line : run.stdout()) {
            BenchResult result = parse(line);
            if (result != null) return result;
        }
        return fail("no bench result in\n" + run.describe());
    }

    @Override
    public String toString() {
        return String.format("%d round trips, %d/s, p50 %.1f us, p99 %.1f us", roundtrips, perSecond, p50us, p99us);
    }
}
