package dev.jworkers.runtime.cli;

/** A command line that cannot be run: printed as one line, exit status 2. */
public final class UsageException extends Exception {
    public UsageException(String message) { super(message); }
}
