package dev.jworkers.runtime.log;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Process-wide logging to stderr: one line per event, with a level and the component. */
public final class Log {
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static volatile Level threshold = Level.INFO;
    private static volatile PrintStream err = System.err;
    private static volatile PrintStream out = System.out;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final String component;

    private Log(String component) { this.component = component; }

    public static Log get(String component) { return new Log(component); }

    public static void setLevel(Level level) { threshold = level; }

    /** Where log lines (stderr) and Workers' console output (stdout, stderr) go; tests capture them. */
    public static void redirect(PrintStream stdout, PrintStream stderr) {
        out = stdout;
        err = stderr;
    }

    public static PrintStream stdout() { return out; }

    public static PrintStream stderr() { return err; }

    public static Level parseLevel(String s) {
        try {
            return Level.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean enabled(Level level) { return level.compareTo(threshold) >= 0; }

    public void debug(String msg) { write(Level.DEBUG, msg); }
    public void info(String msg) { write(Level.INFO, msg); }
    public void warn(String msg) { write(Level.WARN, msg); }
    public void error(String msg) { write(Level.ERROR, msg); }

    private void write(Level level, String msg) {
        if (!enabled(level)) return;
        String line = LocalTime.now().format(TIME) + " " + level + " [" + component + "] " + msg;
        err.println(line);
    }
}
