package dev.jworkers.cluster.rpc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.function.Consumer;

/** Ids we hand out (questions, exports, embargoes): small integers, reused after removal. */
final class IdTable<T> {
  private final ArrayList<T> slots = new ArrayList<>();
  private final ArrayDeque<Integer> free = new ArrayDeque<>();
  private int size;

  int add(T value) {
    Integer id = free.poll();
    size++;
    if (id == null) {
      slots.add(value);
      return slots.size() - 1;
    }
    slots.set(id, value);
    return id;
  }

  /** An id whose value comes with {@link #set} (for values that must know their id). */
  int reserve() {
    return add(null);
  }

  void set(int id, T value) {
    slots.set(id, value);
  }

  T get(int id) {
    return id >= 0 && id < slots.size() ? slots.get(id) : null;
  }

  T remove(int id) {
    T value = get(id);
    if (value != null) {
      slots.set(id, null);
      free.add(id);
      size--;
    }
    return value;
  }

  int size() {
    return size;
  }

  void forEach(Consumer<T> action) {
    for (T t : slots) {
      if (t != null) {
        action.accept(t);
      }
    }
  }

  void clear() {
    slots.clear();
    free.clear();
    size = 0;
  }
}
