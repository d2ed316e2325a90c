package dev.jworkers.cluster.rpc.interop;

import java.util.List;

/**
 * A finished run of the C++ interop program: its exit code ({@code -1} when it was killed after
 * its time limit, then {@code timedOut} is set) and its output lines.
 */
public record CppRun(int exitCode, boolean timedOut, List<String> stdout, List<String> stderr) {

    /** Everything about the run, for assertion messages. */
    public String describe() {
        return (timedOut ? "timed out" : "exit " + exitCode)
                + "\nstdout:\n  " + String.join("\n  ", stdout)
                + "\nstderr:\n  " + String.join("\n  ", stderr);
    }
}
