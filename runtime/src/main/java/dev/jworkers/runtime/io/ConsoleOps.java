package dev.jworkers.runtime.io;

import java.io.PrintStream;

import org.graalvm.polyglot.HostAccess;

/**
 * {@code ops.console}: one formatted console call in, lines out, each tagged with the Worker's
 * name. debug/log/info go to stdout, warn/error to stderr.
 */
public final class ConsoleOps {
    private final String tag;
    private final PrintStream out;
    private final PrintStream err;

    public ConsoleOps(String workerName, PrintStream out, PrintStream err) {
        this.tag = "[" + workerName + "] ";
        this.out = out;
        this.err = err;
    }

    @HostAccess.Export
    public void write(int level, String text) {
        PrintStream s = level >= 2 ? err : out;
        if (text.indexOf('\n') < 0) {
            s.println(tag + text);
            return;
        }
        StringBuilder b = new StringBuilder(text.length() + 32);
        for (String line : text.split("\n", -1)) b.append(tag).append(line).append('\n');
        s.print(b);
        s.flush();
    }
}
