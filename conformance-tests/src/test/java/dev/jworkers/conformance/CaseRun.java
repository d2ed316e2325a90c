package dev.jworkers.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one case: serves its workspace with this runtime, then with workerd, one at a time (the
 * machine may have two cores), sends each request and checks the answers.
 */
final class CaseRun {
    /** One table row: the outcome here, at workerd and the differences, each as short text. */
    record Row(String name, String ours, String workerd, List<String> differences, boolean ok, String log) {}

    private CaseRun() {}

    /**
     * Runs {@code spec}; {@code workerd} is null when it could not be installed, with
     * {@code workerdMissing} saying why.
     */
    static Row run(String name, CaseSpec spec, Path root, NpmCache npm, Path workerd, String workerdMissing)
            throws IOException, NpmCache.Unavailable {
        List<CaseSpec.Step> steps = spec.requests();
        Map<String, String> notCompared = new LinkedHashMap<>();
        for (CaseSpec.Step s : steps) if (!s.askOracle()) notCompared.put(label(s), s.oracleReason());
        List<CaseSpec.Step> oracleSteps = steps.stream().filter(CaseSpec.Step::askOracle).toList();

        try (Workspace ws = Workspace.forCase(spec, root, npm); OutboundStub stub = new OutboundStub(spec.outbound())) {
            // Cloudflare's asset Workers, for workerd to serve a Worker's static assets (skipped with
            // npm's reason when they cannot be fetched, like the template itself).
            Path workersShared = workerd != null && !oracleSteps.isEmpty() && ws.hasStaticAssets() ? npm.workersShared() : null;
            List<Answer> ours = new ArrayList<>();
            List<String> ourFailures = new ArrayList<>();
            Map<String, List<String>> known = new LinkedHashMap<>(); // reason -> steps (first failed check)
            int failingSteps = 0;
            String ourOrigin = null;
            String log = "";
            Server s = null;
            String notStarted = null;
            try {
                s = Server.jworkers(root, ws.dir, spec.testScheduled(), stub.port());
            } catch (IOException e) {
                // Every step fails (known failures stay known); the reason is the server's last words,
                // with the workspace's (temporary) path left out.
                notStarted = lastLine(e.getMessage()).replace(ws.dir.toAbsolutePath() + "/", "").strip();
                log = e.getMessage();
            }
            try {
                if (s != null) ourOrigin = s.origin();
                String etag = null;
                for (CaseSpec.Step step : steps) {
                    Answer a = s == null ? null : Answer.send(ourOrigin, step, stub, etag);
                    ours.add(a);
                    if (a != null && a.header("etag") != null) etag = a.header("etag");
                    List<String> failed = a == null ? List.of("no answer: the server did not start") : Checks.failures(step, a, ourOrigin);
                    if (step.knownFailure() == null) {
                        if (!failed.isEmpty()) failingSteps++;
                        for (String f : failed) ourFailures.add(label(step) + ": " + f);
                    } else if (failed.isEmpty()) {
                        ourFailures.add(label(step) + ": passes now, though marked knownFailure (drop the mark)");
                        failingSteps++;
                    } else {
                        known.computeIfAbsent(step.knownFailure(), k -> new ArrayList<>())
                             .add(a == null ? label(step) : label(step) + " (" + failed.get(0) + ")");
                    }
                }
                if (s != null && (!ourFailures.isEmpty() || !known.isEmpty())) log = s.logTail();
            } finally {
                if (s != null) s.close();
            }
            int knownSteps = known.values().stream().mapToInt(List::size).sum();
            int passed = steps.size() - knownSteps - failingSteps;
            String oursText = (notStarted == null ? "" : "did not start (" + notStarted + "): ")
                    + (ourFailures.isEmpty() ? "pass" : "FAIL: " + String.join("; ", ourFailures))
                    + " (" + passed + "/" + steps.size() + ")"
                    + known.entrySet().stream().map(k -> "; known failure (" + k.getKey() + "): " + String.join(", ", k.getValue()))
                           .collect(java.util.stream.Collectors.joining());

            List<String> differences = new ArrayList<>();
            String workerdText;
            boolean workerdOk = true;
            if (workerd == null) {
                workerdText = "skipped: " + workerdMissing;
            } else if (oracleSteps.isEmpty()) {
                workerdText = "not run: no request applies";
            } else {
                List<String> theirFailures = new ArrayList<>();
                try (Server w = Server.workerd(workerd, ws.dir, spec.testScheduled(), stub.port(), workersShared)) {
                    String etag = null;
                    for (int i = 0; i < steps.size(); i++) {
                        CaseSpec.Step step = steps.get(i);
                        if (!step.askOracle()) continue;
                        Answer a = Answer.send(w.origin(), step, stub, etag);
                        if (a.header("etag") != null) etag = a.header("etag");
                        for (String f : Checks.failures(step, a, w.origin())) theirFailures.add(label(step) + ": " + f);
                        // A known failure here is not compared: its answer is known to be wrong.
                        if (step.knownFailure() != null || ours.get(i) == null) continue;
                        for (String d : Checks.differences(ours.get(i), ourOrigin, a, w.origin(), spec.headersToCompare(), step.compareBodyOrTrue())) {
                            differences.add(label(step) + ": " + d);
                        }
                    }
                    if (!theirFailures.isEmpty()) log += "\nworkerd log:\n" + w.logTail();
                }
                workerdOk = theirFailures.isEmpty();
                workerdText = workerdOk ? "pass (" + oracleSteps.size() + "/" + oracleSteps.size() + ")"
                        : "FAIL: " + String.join("; ", theirFailures);
            }
            for (Map.Entry<String, String> n : notCompared.entrySet()) {
                workerdText += "; " + n.getKey() + " here only: " + n.getValue();
            }
            return new Row(name, oursText, workerdText, differences, ourFailures.isEmpty() && workerdOk && differences.isEmpty(), log);
        }
    }

    private static String lastLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        return t.substring(t.lastIndexOf('\n') + 1);
    }

    static String label(CaseSpec.Step s) {
        return s.name() != null ? s.name() : s.methodOrGet() + " " + s.path();
    }
}
