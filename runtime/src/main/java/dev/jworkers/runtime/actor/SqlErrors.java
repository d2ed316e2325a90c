package dev.jworkers.runtime.actor;

import java.sql.SQLException;

import org.sqlite.SQLiteException;

/** SQLite's errors in workerd's words: the reason SQLite gives, then the result code's name. */
final class SqlErrors {
    private SqlErrors() {}

    static String message(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof SQLiteException s) {
            // The driver writes "[SQLITE_X] generic description (specific reason)".
            int open = m.indexOf(" (");
            String reason = open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
            String code = s.getResultCode().name();
            int ext = code.indexOf('_', "SQLITE_".length());
            return ext > 0 ? reason + ": " + code.substring(0, ext) + " (extended: " + code + ")" : reason + ": " + code;
        }
        return m;
    }
}
