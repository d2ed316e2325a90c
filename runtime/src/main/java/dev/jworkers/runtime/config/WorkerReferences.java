package dev.jworkers.runtime.config;

import java.util.Collection;

/**
 * Checks that the Workers a Worker's bindings name are loaded in this process: a service binding
 * (or a Durable Object binding's {@code script_name}) to a Worker that is not here could never be
 * served, so it is a start-up error rather than a failure on the first call.
 */
public final class WorkerReferences {
    private WorkerReferences() {}

    /** {@code where} is the config file that defines {@code worker}; {@code loaded} are the names of every Worker served. */
    public static void check(WorkerConfig worker, String where, Collection<String> loaded) throws ConfigException {
        for (WorkerConfig.ServiceBinding s : worker.services()) {
            if (!loaded.contains(s.service())) {
                throw missing(where, "service binding '" + s.binding() + "' of Worker '" + worker.name() + "' names Worker '"
                        + s.service() + "'", loaded);
            }
        }
        for (WorkerConfig.DurableObjectBinding d : worker.durableObjects()) {
            if (d.scriptName() != null && !loaded.contains(d.scriptName())) {
                throw missing(where, "Durable Object binding '" + d.name() + "' of Worker '" + worker.name() + "' names script '"
                        + d.scriptName() + "'", loaded);
            }
        }
    }

    private static ConfigException missing(String where, String what, Collection<String> loaded) {
        String hint = loaded.size() == 1 ? "; a runtime config serves several Workers together, see docs/CONFIG.md" : "";
        return new ConfigException(where + ": " + what + ", which is not loaded (loaded Workers: " + String.join(", ", loaded) + hint + ")");
    }
}
