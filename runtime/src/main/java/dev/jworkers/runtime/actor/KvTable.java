package dev.jworkers.runtime.actor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-value API's table, {@code _cf_KV(key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID}, as
 * workerd lays it out; values are V8-serialized bytes. A small per-object cache of recently read and
 * written values serves reads without SQLite; it is dropped whenever a rollback could have undone
 * what it holds.
 */
final class KvTable {
    private static final int CACHE_ENTRIES = 64;
    private static final int CACHE_VALUE_BYTES = 16 * 1024;
    private static final byte[] ABSENT = new byte[0];

    private final ActorDatabase db;
    private boolean exists;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) { return size() > CACHE_ENTRIES; }
    };

    KvTable(ActorDatabase db) throws SQLException {
        this.db = db;
        this.exists = db.hasTable("_cf_KV");
    }

    private void create() throws SQLException {
        if (exists) return;
        db.run("CREATE TABLE IF NOT EXISTS _cf_KV (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID");
        exists = true;
    }

    /** The value's bytes, or null. */
    byte[] get(String key) throws SQLException {
        byte[] v = cache.get(key);
        if (v != null) return v == ABSENT ? null : v;
        if (!exists) return null;
        PreparedStatement p = db.statement("SELECT value FROM _cf_KV WHERE key = ?");
        p.setString(1, key);
        try (ResultSet rs = p.executeQuery()) {
            v = rs.next() ? rs.getBytes(1) : null;
        }
        remember(key, v);
        return v;
    }

    /** Writes inside the caller's transaction. */
    void put(String key, byte[] value) throws SQLException {
        create();
        PreparedStatement p = db.statement("INSERT INTO _cf_KV (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        p.setString(1, key);
        p.setBytes(2, value);
        p.executeUpdate();
        remember(key, value);
    }

    /** Whether the key existed. */
    boolean delete(String key) throws SQLException {
        if (!exists) return false;
        PreparedStatement p = db.statement("DELETE FROM _cf_KV WHERE key = ?");
        p.setString(1, key);
        boolean had = p.executeUpdate() > 0;
        cache.put(key, ABSENT);
        return had;
    }

    /**
     * Empties the whole database, SQL tables included, as workerd's deleteAll does; only the
     * alarm ({@code _cf_METADATA}) stays.
     */
    void deleteAll() throws SQLException {
        cache.clear();
        List<String[]> drop = new ArrayList<>();
        try (ResultSet rs = db.statement("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_cf_METADATA'").executeQuery()) {
            while (rs.next()) drop.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        db.run("PRAGMA defer_foreign_keys = ON");
        for (String[] d : drop) db.run("DROP " + d[0].toUpperCase(java.util.Locale.ROOT) + " IF EXISTS \"" + d[1].replace("\"", "\"\"") + "\"");
        exists = false;
    }

    /**
     * Keys in [start, end) (either may be null), in UTF-8 byte order (SQLite's BINARY collation),
     * reversed if asked, at most {@code limit} (negative: no limit); alternating key and value.
     */
    List<Object> list(String start, boolean startExclusive, String end, boolean reverse, long limit) throws SQLException {
        List<Object> out = new ArrayList<>();
        if (!exists || limit == 0) return out;
        StringBuilder sql = new StringBuilder("SELECT key, value FROM _cf_KV WHERE 1");
        if (start != null) sql.append(startExclusive ? " AND key > ?" : " AND key >= ?");
        if (end != null) sql.append(" AND key < ?");
        sql.append(reverse ? " ORDER BY key DESC" : " ORDER BY key").append(" LIMIT ?");
        PreparedStatement p = db.statement(sql.toString());
        int i = 1;
        if (start != null) p.setString(i++, start);
        if (end != null) p.setString(i++, end);
        p.setLong(i, limit < 0 ? -1 : limit);
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
                out.add(rs.getBytes(2));
            }
        }
        return out;
    }

    /** After a rollback: cached writes may be undone, and the table itself may be gone again. */
    void recheck() throws SQLException {
        cache.clear();
        exists = db.hasTable("_cf_KV");
    }

    private void remember(String key, byte[] value) {
        if (value == null) cache.put(key, ABSENT);
        else if (value.length <= CACHE_VALUE_BYTES) cache.put(key, value);
        else cache.remove(key);
    }
}
