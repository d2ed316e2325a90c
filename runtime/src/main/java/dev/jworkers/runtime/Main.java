package dev.jworkers.runtime;

import java.io.PrintStream;
import java.util.List;

import dev.jworkers.runtime.cli.Cli;
import dev.jworkers.runtime.log.Log;

/** Entry point of {@code tools/runtime}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        int status;
        try {
            status = Cli.run(List.of(args), out, System.err);
        } catch (RuntimeException | Error e) {
            System.err.println("error: internal error: " + e);
            if (Log.enabled(Log.Level.DEBUG)) e.printStackTrace();
            status = 1;
        }
        out.flush();
        System.exit(status);
    }
}
