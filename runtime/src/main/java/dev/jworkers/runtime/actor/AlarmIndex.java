package dev.jworkers.runtime.actor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every pending alarm of one namespace, so alarms fire after a restart without opening every
 * object: {@code <storage>/<uniqueKey>/metadata.sqlite}, table {@code _cf_ALARM(actor_id,
 * scheduled_time, actor_name)} with times in nanoseconds, as workerd keeps it. The object's own
 * {@code _cf_METADATA} row is the truth; this index only says when to look. Shared by the shards
 * (alarms are rare), so its methods are synchronized. Without a storage folder it is a map.
 */
public final class AlarmIndex {
    /** One pending alarm. */
    record Entry(String id, long timeMillis, String name) {}

    private static final ConcurrentHashMap<Path, AlarmIndex> OPEN = new ConcurrentHashMap<>();

    private final Connection conn;   // null: in memory
    private final ConcurrentHashMap<String, Entry> memory = new ConcurrentHashMap<>();

    private AlarmIndex(Connection conn) {
        this.conn = conn;
    }

    /** The index of namespace folder {@code folder} (one per folder in the process), or an in-memory one. */
    static AlarmIndex of(Path folder) {
        if (folder == null) return new AlarmIndex(null);
        return OPEN.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> {
            try {
                Files.createDirectories(f);
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.resolve("metadata.sqlite"));
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=FULL");
                    s.execute("CREATE TABLE IF NOT EXISTS _cf_ALARM (actor_id TEXT PRIMARY KEY, scheduled_time INTEGER, actor_name TEXT) WITHOUT ROWID");
                }
                return new AlarmIndex(c);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot open the alarm index in " + f + ": " + e.getMessage(), e);
            }
        });
    }

    synchronized void set(String id, long timeMillis, String name) throws SQLException {
        if (conn == null) {
            memory.put(id, new Entry(id, timeMillis, name));
            return;
        }
        try (PreparedStatement p = conn.prepareStatement(
                "INSERT INTO _cf_ALARM (actor_id, scheduled_time, actor_name) VALUES (?, ?, ?) "
                        + "ON CONFLICT(actor_id) DO UPDATE SET scheduled_time = excluded.scheduled_time, actor_name = excluded.actor_name")) {
            p.setString(1, id);
            p.setLong(2, timeMillis * 1_000_000L);
            p.setString(3, name);
            p.executeUpdate();
        }
    }

    synchronized void delete(String id) throws SQLException {
        if (conn == null) {
            memory.remove(id);
            return;
        }
        try (PreparedStatement p = conn.prepareStatement("DELETE FROM _cf_ALARM WHERE actor_id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    synchronized List<Entry> all() throws SQLException {
        if (conn == null) return new ArrayList<>(memory.values());
        List<Entry> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT actor_id, scheduled_time, actor_name FROM _cf_ALARM")) {
            while (rs.next()) out.add(new Entry(rs.getString(1), Math.floorDiv(rs.getLong(2), 1_000_000L), rs.getString(3)));
        }
        return out;
    }

    /** Closes the indexes under storage folder {@code storage} (its node is stopping); null: none. */
    public static void closeUnder(Path storage) {
        if (storage == null) return;
        Path root = storage.toAbsolutePath().normalize();
        for (var e : OPEN.entrySet()) {
            if (!e.getKey().startsWith(root) || !OPEN.remove(e.getKey(), e.getValue())) continue;
            try {
                e.getValue().conn.close();
            } catch (SQLException x) {
                // closing at shutdown
            }
        }
    }
}
