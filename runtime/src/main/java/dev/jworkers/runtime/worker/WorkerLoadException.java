package dev.jworkers.runtime.worker;

/** A Worker that cannot start: the message names the file, the line where known, and the reason. */
public final class WorkerLoadException extends Exception {
    public WorkerLoadException(String message) { super(message); }
}
