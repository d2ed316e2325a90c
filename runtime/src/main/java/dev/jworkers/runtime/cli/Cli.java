package dev.jworkers.runtime.cli;

import java.io.PrintStream;
import java.util.List;

/** Command dispatch: usage errors print one line and exit with status 2. */
public final class Cli {
    static final String HELP = """
            Usage: runtime <command> [options]

            Commands:
              serve [PATH]   serve a Worker over HTTP (runtime serve --help for its options)

            Options:
              --help         this text
            """;

    private Cli() {}

    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        String cmd = argv.isEmpty() ? null : argv.get(0);
        try {
            if (cmd == null) throw new UsageException("missing command (try --help)");
            if (cmd.equals("--help") || cmd.equals("-h") || cmd.equals("help")) {
                out.print(HELP);
                return 0;
            }
            if (cmd.equals("serve")) {
                try {
                    return ServeCommand.run(argv.subList(1, argv.size()), out, err);
                } catch (UsageException e) {
                    err.println("runtime serve: " + e.getMessage() + " (see runtime serve --help)");
                    return 2;
                }
            }
            throw new UsageException("unknown command '" + cmd + "' (try --help)");
        } catch (UsageException e) {
            err.println("runtime: " + e.getMessage());
            return 2;
        }
    }
}
