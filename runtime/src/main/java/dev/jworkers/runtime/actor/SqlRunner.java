package dev.jworkers.runtime.actor;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * Runs the statements of one {@code sql.exec}: bindings are taken in order by the statements'
 * parameters; the cursor shows the last statement's rows, read in full up front (so a cached
 * statement is free again when exec returns). Values cross to JS as numbers, strings, null, or
 * {@link Blob}s that storage.js turns into ArrayBuffers.
 */
final class SqlRunner {
    private SqlRunner() {}

    /** A BLOB value for JS: its bytes as Latin-1 text. */
    public static final class Blob {
        private final byte[] bytes;

        Blob(byte[] bytes) {
            this.bytes = bytes;
        }

        @HostAccess.Export
        public String latin1() { return new String(bytes, StandardCharsets.ISO_8859_1); }
    }

    static ProxyArray run(ActorDatabase d, List<SqlScript.Part> parts, Value bindings) throws SQLException {
        int given = bindings == null ? 0 : (int) bindings.getArraySize();
        int next = 0;
        long changesBefore = d.totalChanges();
        List<Object> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        long rowsRead = 0;
        if (parts.isEmpty()) throw new SQLException(SqlScript.NO_STATEMENT);
        for (int k = 0; k < parts.size(); k++) {
            boolean last = k == parts.size() - 1;
            PreparedStatement p = d.statement(parts.get(k).sql());
            int wanted = p.getParameterMetaData().getParameterCount();
            if (!last && wanted > 0) {
                throw new SQLException("When executing multiple SQL statements in a single call, only the last statement can have parameters.");
            }
            if (last && wanted != given) throw new SQLException("Wrong number of parameter bindings for SQL query.");
            for (int j = 1; j <= wanted; j++) bind(p, j, bindings.getArrayElement(next++));
            if (p.execute()) {
                try (ResultSet rs = p.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int cols = md.getColumnCount();
                    if (last) for (int c = 1; c <= cols; c++) names.add(md.getColumnName(c));
                    while (rs.next()) {
                        rowsRead++;
                        if (!last) continue;
                        for (int c = 1; c <= cols; c++) values.add(value(rs.getObject(c)));
                    }
                }
            }
        }
        long written = d.totalChanges() - changesBefore;
        return ProxyArray.fromArray(ProxyArray.fromList(names), ProxyArray.fromList(values), (double) rowsRead, (double) written);
    }

    private static Object value(Object v) {
        if (v instanceof Long l && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) return (double) l;
        if (v instanceof byte[] b) return new Blob(b);
        return v;
    }

    private static void bind(PreparedStatement p, int i, Value v) throws SQLException {
        if (v.isNull()) p.setNull(i, java.sql.Types.NULL);
        else if (v.isString()) p.setString(i, v.asString());
        else if (v.hasMember("real")) p.setDouble(i, v.getMember("real").asDouble());
        else if (v.hasBufferElements()) {
            byte[] b = new byte[(int) v.getBufferSize()];
            v.readBuffer(0, b, 0, b.length);
            p.setBytes(i, b);
        } else {
            // storage.js turns every JS value into one of the above.
            throw new SQLException("Unsupported type for SQL parameter binding.");
        }
    }
}
