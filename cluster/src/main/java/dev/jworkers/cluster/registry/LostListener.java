package dev.jworkers.cluster.registry;

/** Told once that this node's registry entry (or its lock) is gone, so it must stop serving. */
@FunctionalInterface
public interface LostListener {
  void onLost(String reason);
}
