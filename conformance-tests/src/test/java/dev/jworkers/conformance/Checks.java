package dev.jworkers.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** A case's checks on one answer, and the comparison of two runtimes' answers. */
final class Checks {
    private Checks() {}

    /** What in {@code a} fails the step's checks; empty when all hold. */
    static List<String> failures(CaseSpec.Step step, Answer a, String origin) {
        List<String> out = new ArrayList<>();
        CaseSpec.Expect e = step.expect();
        if (e == null) return out;
        if (e.status() != null && e.status() != a.status()) out.add("status " + a.status() + ", expected " + e.status());
        if (e.body() != null && !a.body().equals(fill(e.body(), origin))) out.add("body " + quote(a.body()) + ", expected " + quote(fill(e.body(), origin)));
        if (e.bodyContains() != null) {
            for (String part : e.bodyContains()) {
                if (!a.body().contains(fill(part, origin))) out.add("body lacks " + quote(fill(part, origin)));
            }
        }
        if (e.bodyMatches() != null && !Pattern.compile(fill(e.bodyMatches(), Pattern.quote(origin)), Pattern.DOTALL).matcher(a.body()).matches()) {
            out.add("body " + quote(a.body()) + " does not match /" + e.bodyMatches() + "/");
        }
        if (e.headers() != null) {
            for (Map.Entry<String, String> h : e.headers().entrySet()) {
                String got = a.header(h.getKey());
                String want = h.getValue() == null ? null : fill(h.getValue(), origin); // null: must be absent
                if (!Objects.equals(got, want)) out.add(h.getKey() + ": " + got + ", expected " + (want == null ? "none" : want));
            }
        }
        if (e.headerMatches() != null) {
            for (Map.Entry<String, String> h : e.headerMatches().entrySet()) {
                String got = a.header(h.getKey());
                if (got == null || !Pattern.compile(h.getValue()).matcher(got).matches()) {
                    out.add(h.getKey() + ": " + got + ", expected to match /" + h.getValue() + "/");
                }
            }
        }
        if (e.outbound() != null && !e.outbound().equals(a.outbound())) {
            out.add("outbound requests " + a.outbound() + ", expected " + e.outbound());
        }
        return out;
    }

    /**
     * Where the two answers differ in status, body (each server's origin read as ${origin}; unless
     * {@code compareBody} is false) or the compared headers.
     */
    static List<String> differences(Answer ours, String ourOrigin, Answer theirs, String theirOrigin, List<String> headers,
                                    boolean compareBody) {
        List<String> out = new ArrayList<>();
        if (ours.status() != theirs.status()) out.add("status " + ours.status() + " vs " + theirs.status());
        String a = ours.body().replace(ourOrigin, "${origin}");
        String b = theirs.body().replace(theirOrigin, "${origin}");
        if (compareBody && !a.equals(b)) out.add("body " + quote(a) + " vs " + quote(b));
        for (String h : headers) {
            String x = ours.header(h), y = theirs.header(h);
            if (!Objects.equals(x, y)) out.add(h + ": " + x + " vs " + y);
        }
        if (!ours.outbound().equals(theirs.outbound())) out.add("outbound requests " + ours.outbound() + " vs " + theirs.outbound());
        return out;
    }

    private static String fill(String s, String origin) { return s.replace("${origin}", origin); }

    private static String quote(String s) {
        String t = s.length() > 120 ? s.substring(0, 117) + "..." : s;
        return '"' + t.replace("\n", "\\n").replace("|", "\\|") + '"';
    }
}
