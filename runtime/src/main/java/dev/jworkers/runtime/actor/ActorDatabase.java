package dev.jworkers.runtime.actor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * One Durable Object's SQLite database: {@code <storage>/<uniqueKey>/<id>.sqlite} in WAL mode (the
 * layout workerd's {@code localDisk} uses), or an in-memory database when no storage folder is set.
 *
 * <p>Writes go into an implicit transaction that opens at the first write and is committed by
 * {@link DurableCommits} after the current event-loop task, so writes made without yielding to the
 * loop commit together. SQLite runs with {@code synchronous=NORMAL}: a commit only appends to the
 * WAL, and durability comes from {@link #syncWal()}, which the group commit calls for many objects
 * at once. Checkpoints still sync the database file before the WAL is reused.
 */
final class ActorDatabase implements AutoCloseable {
    private static final int CACHED_STATEMENTS = 32;

    private final Path file;   // null: in memory
    private final Connection conn;
    private final DB db;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> e) {
            if (size() <= CACHED_STATEMENTS) return false;
            closeQuietly(e.getValue());
            return true;
        }
    };
    private FileChannel wal;
    /** The file and its folder were just created: the first sync also syncs them. */
    private boolean created;
    private boolean inTransaction;
    private int savepoints;

    private ActorDatabase(Path file, Connection conn, boolean created) throws SQLException {
        this.file = file;
        this.conn = conn;
        this.db = ((SQLiteConnection) conn).getDatabase();
        this.created = created;
    }

    /** Opens (creating if needed) the database of object {@code id} in {@code folder}, or in memory when folder is null. */
    static ActorDatabase open(Path folder, String id) throws SQLException, IOException {
        Path file = null;
        boolean created = false;
        if (folder != null) {
            created = !Files.isDirectory(folder);
            if (created) Files.createDirectories(folder);
            file = folder.resolve(id + ".sqlite");
            created |= !Files.exists(file);
        }
        Connection c = DriverManager.getConnection(file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            if (file != null) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
            }
            s.execute("PRAGMA foreign_keys=ON");
            // Attached databases would reach host files: a Durable Object has exactly its own.
            ((SQLiteConnection) c).getDatabase().limit(7 /* SQLITE_LIMIT_ATTACHED */, 0);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new ActorDatabase(file, c, created);
    }

    boolean inMemory() { return file == null; }

    /** A prepared statement for {@code sql}, cached; its parameters are cleared. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = conn.prepareStatement(sql);
            statements.put(sql, p);
        } else {
            p.clearParameters();
        }
        return p;
    }

    /** Runs a statement that returns nothing (transaction control, DDL). */
    void run(String sql) throws SQLException {
        statement(sql).execute();
    }

    /** Whether table {@code name} exists (SQLite's names are case-insensitive). */
    boolean hasTable(String name) throws SQLException {
        PreparedStatement p = statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE");
        p.setString(1, name);
        try (var rs = p.executeQuery()) {
            return rs.next();
        }
    }

    long totalChanges() throws SQLException { return db.total_changes(); }

    /** Opens the implicit transaction unless one is open; returns whether it opened one. */
    boolean begin() throws SQLException {
        if (inTransaction) return false;
        run("BEGIN");
        inTransaction = true;
        return true;
    }

    boolean inTransaction() { return inTransaction; }

    /** Savepoints (transactionSync / transaction) open now. */
    int savepointDepth() { return savepoints; }

    /** Commits the implicit transaction (appends to the WAL; not yet durable). */
    void commit() throws SQLException {
        if (!inTransaction) return;
        try {
            run("COMMIT");
        } finally {
            inTransaction = false;
            savepoints = 0;
        }
    }

    /** Rolls the implicit transaction back (after a failure). */
    void rollback() {
        if (!inTransaction) return;
        inTransaction = false;
        savepoints = 0;
        try {
            run("ROLLBACK");
        } catch (SQLException e) {
            // The connection is closed with the object anyway.
        }
    }

    /** Opens a nested savepoint (transactionSync, transaction) inside the implicit transaction. */
    void savepoint() throws SQLException {
        begin();
        run("SAVEPOINT _cf_sp" + savepoints);
        savepoints++;
    }

    void releaseSavepoint() throws SQLException {
        savepoints--;
        run("RELEASE _cf_sp" + savepoints);
    }

    void rollbackSavepoint() throws SQLException {
        savepoints--;
        run("ROLLBACK TO _cf_sp" + savepoints);
        run("RELEASE _cf_sp" + savepoints);
    }

    /** Bytes the database occupies (pages times page size), as {@code sql.databaseSize} reports. */
    long size() throws SQLException {
        try (var rs = statement("SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Makes every commit so far durable: fsyncs the WAL (and, the first time, the database file and
     * its folder). Runs on an I/O thread; fsync acts on the file, so a second descriptor suffices.
     */
    void syncWal() throws IOException {
        if (file == null) return;
        if (created) {
            try (FileChannel f = FileChannel.open(file, StandardOpenOption.WRITE)) {
                f.force(true);
            }
            syncFolder(file.getParent());
            syncFolder(file.getParent().getParent());
        }
        Path walPath = file.resolveSibling(file.getFileName() + "-wal");
        if (wal == null) {
            if (!Files.exists(walPath)) return;
            wal = FileChannel.open(walPath, StandardOpenOption.WRITE);
            syncFolder(file.getParent());
        }
        wal.force(false);
        created = false;
    }

    private static void syncFolder(Path dir) throws IOException {
        try (FileChannel f = FileChannel.open(dir, StandardOpenOption.READ)) {
            f.force(true);
        }
    }

    @Override
    public void close() {
        rollback();
        for (PreparedStatement p : statements.values()) closeQuietly(p);
        statements.clear();
        try {
            if (wal != null) wal.close();
        } catch (IOException e) {
            // nothing to keep
        }
        try {
            conn.close();
        } catch (SQLException e) {
            // nothing to keep
        }
    }

    private static void closeQuietly(PreparedStatement p) {
        try {
            p.close();
        } catch (SQLException e) {
            // a statement that cannot close is freed with its connection
        }
    }
}
