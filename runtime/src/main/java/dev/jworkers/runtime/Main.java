package dev.jworkers.runtime;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import dev.jworkers.runtime.cli.Cli;

/** Entry point of {@code tools/runtime}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        int status = Cli.run(List.of(args), out, System.err);
        out.flush();
        System.exit(status);
    }
}
