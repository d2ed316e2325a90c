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
            List<Answer> ours = new ArrayList<>();
            List<String> ourFailures = new ArrayList<>();
            List<String> known = new ArrayList<>();
            int failingSteps = 0;
            String ourOrigin;
            String log = "";
            try (Server s = Server.jworkers(root, ws.dir, spec.testScheduled(), stub.port())) {
                ourOrigin = s.origin();
                for (CaseSpec.Step step : steps) {
                    Answer a = Answer.send(ourOrigin, step, stub);
                    ours.add(a);
                    List<String> failed = Checks.failures(step, a, ourOrigin);
                    if (step.knownFailure() == null) {
                        if (!failed.isEmpty()) failingSteps++;
                        for (String f : failed) ourFailures.add(label(step) + ": " + f);
                    } else if (failed.isEmpty()) {
                        ourFailures.add(label(step) + ": passes now, though marked knownFailure (drop the mark)");
                        failingSteps++;
                    } else {
                        known.add("known failure, " + label(step) + ": " + step.knownFailure() + " (" + failed.get(0) + ")");
                    }
                }
                if (!ourFailures.isEmpty() || !known.isEmpty()) log = s.logTail();
            }
            int passed = steps.size() - known.size() - failingSteps;
            String oursText = (ourFailures.isEmpty() ? "pass" : "FAIL: " + String.join("; ", ourFailures))
                    + " (" + passed + "/" + steps.size() + ")"
                    + (known.isEmpty() ? "" : "; " + String.join("; ", known));

            List<String> differences = new ArrayList<>();
            String workerdText;
            boolean workerdOk = true;
            if (workerd == null) {
                workerdText = "skipped: " + workerdMissing;
            } else if (oracleSteps.isEmpty()) {
                workerdText = "not run: no request applies";
            } else {
                List<String> theirFailures = new ArrayList<>();
                try (Server s = Server.workerd(workerd, ws.dir, spec.testScheduled(), stub.port())) {
                    for (int i = 0; i < steps.size(); i++) {
                        CaseSpec.Step step = steps.get(i);
                        if (!step.askOracle()) continue;
                        Answer a = Answer.send(s.origin(), step, stub);
                        for (String f : Checks.failures(step, a, s.origin())) theirFailures.add(label(step) + ": " + f);
                        for (String d : Checks.differences(ours.get(i), ourOrigin, a, s.origin(), spec.headersToCompare())) {
                            differences.add(label(step) + ": " + d);
                        }
                    }
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

    static String label(CaseSpec.Step s) {
        return s.name() != null ? s.name() : s.methodOrGet() + " " + s.path();
    }
}
