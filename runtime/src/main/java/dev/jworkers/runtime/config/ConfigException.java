package dev.jworkers.runtime.config;

/** A configuration problem: the message names the file, the field and what is expected. */
public final class ConfigException extends Exception {
    public ConfigException(String message) { super(message); }
}
