package dev.jworkers.runtime.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jworkers.runtime.config.WorkerConfig.Migration;
import dev.jworkers.runtime.config.WorkerConfig.Rename;

/** Reads wrangler's {@code migrations}: Durable Object classes created, renamed and deleted, in order. */
final class Migrations {
    private static final Set<String> KEYS = Set.of("tag", "new_classes", "new_sqlite_classes", "renamed_classes", "deleted_classes");

    private Migrations() {}

    static List<Migration> parse(JsonNode node, String file, String field, Consumer<String> warn) throws ConfigException {
        Map<String, String> tags = new HashMap<>();
        return Fields.objects(node, file, field,
                "expected an array of { tag, new_classes, new_sqlite_classes, renamed_classes, deleted_classes }",
                "expected an object with a 'tag'", (m, at) -> {
                    String tag = Fields.requiredString(m, "tag", file, at + ".tag", "a name for this migration, unique in the list");
                    String earlier = tags.putIfAbsent(tag, at);
                    if (earlier != null) throw Fields.error(file, at + ".tag", "tag '" + tag + "' is already used by " + earlier);
                    List<String> created = Fields.strings(m.get("new_classes"), file, at + ".new_classes");
                    List<String> sqlite = Fields.strings(m.get("new_sqlite_classes"), file, at + ".new_sqlite_classes");
                    for (int j = 0; j < sqlite.size(); j++) {
                        if (created.contains(sqlite.get(j))) {
                            throw Fields.error(file, at + ".new_sqlite_classes[" + j + "]", "class '" + sqlite.get(j)
                                    + "' is also in 'new_classes': a class has either key-value storage or SQLite storage, not both");
                        }
                    }
                    List<Rename> renamed = Fields.objects(m.get("renamed_classes"), file, at + ".renamed_classes",
                            "expected an array of { from, to }", "expected an object with 'from' and 'to'", (r, rat) -> new Rename(
                                    Fields.requiredString(r, "from", file, rat + ".from", "the class's old name"),
                                    Fields.requiredString(r, "to", file, rat + ".to", "the class's new name")));
                    List<String> deleted = Fields.strings(m.get("deleted_classes"), file, at + ".deleted_classes");
                    Fields.warnUnknown(m, KEYS, file, at + ".", warn);
                    return new Migration(tag, List.copyOf(created), List.copyOf(sqlite), List.copyOf(renamed), List.copyOf(deleted));
                });
    }

    /** The classes that exist after applying every migration in order. */
    static Set<String> liveClasses(List<Migration> migrations) {
        Set<String> live = new LinkedHashSet<>();
        for (Migration m : migrations) {
            live.addAll(m.newClasses());
            live.addAll(m.newSqliteClasses());
            for (Rename r : m.renamedClasses()) {
                live.remove(r.from());
                live.add(r.to());
            }
            m.deletedClasses().forEach(live::remove);
        }
        return live;
    }

    /** The live classes created by {@code new_classes}: they have the key-value API only, no SQL. */
    static Set<String> keyValueClasses(List<Migration> migrations) {
        Set<String> kv = new LinkedHashSet<>();
        for (Migration m : migrations) {
            kv.addAll(m.newClasses());
            for (Rename r : m.renamedClasses()) {
                if (kv.remove(r.from())) kv.add(r.to());
            }
            m.deletedClasses().forEach(kv::remove);
        }
        return kv;
    }
}
