package dev.jworkers.runtime.cron;

import java.util.Arrays;
import java.util.List;

/**
 * Parses what all five fields share: comma lists, {@code *}, numbers, names, ranges {@code a-b} and
 * steps <code>&#42;/n</code>, {@code a-b/n}, {@code a/n}. Value sets are bit sets (bit v set = value v
 * selected; every field's values fit in a long). Errors quote the whole expression.
 */
final class FieldParser {
    private final String cron;

    FieldParser(String cron) {
        this.cron = cron;
    }

    IllegalArgumentException error(CronField field, String detail) {
        return new IllegalArgumentException("cron \"" + cron + "\": " + field.label + " " + detail);
    }

    IllegalArgumentException error(String detail) {
        return new IllegalArgumentException("cron \"" + cron + "\": " + detail);
    }

    /** The items of a comma list; an empty item is an error rather than silently ignored. */
    List<String> items(CronField field, String text) {
        List<String> items = Arrays.asList(text.split(",", -1));
        if (items.contains("")) throw error(field, quote(text) + " has an empty list item");
        return items;
    }

    /** A plain item: {@code *}, a value, a range, each optionally with a step. */
    long plain(CronField field, String item) {
        int slash = item.indexOf('/');
        String base = slash < 0 ? item : item.substring(0, slash);
        int step = slash < 0 ? 1 : step(field, item, item.substring(slash + 1));
        int from;
        int to;
        if (base.equals("*")) {
            from = field.min;
            to = field.max;
        } else {
            int dash = base.indexOf('-');
            if (dash < 0) {
                from = value(field, item, base);
                // "a/n" runs from a to the field's maximum; a bare "a" is just a
                to = slash < 0 ? from : field.max;
            } else {
                String start = base.substring(0, dash);
                String end = base.substring(dash + 1);
                from = value(field, item, start);
                to = value(field, item, end);
                if (from > to) {
                    throw error(field, quote(item) + ": range start " + start + " is after its end " + end);
                }
            }
        }
        long bits = 0;
        for (int v = from; v <= to; v += step) bits |= 1L << v;
        return bits;
    }

    /** One number or name of {@code field}, range-checked. {@code item} is the list item it came from. */
    int value(CronField field, String item, String token) {
        if (token.isEmpty()) throw error(field, quote(item) + " is missing a value");
        if (isDigits(token)) {
            // More than 9 digits cannot fit an int and is out of every field's range anyway
            int v = token.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(token);
            if (v < field.min || v > field.max) {
                throw error(field, token + " is out of range " + field.min + "-" + field.max + field.rangeHint);
            }
            return v;
        }
        int named = field.valueOfName(token);
        if (named >= 0) return named;
        if (token.equals("?")) {
            throw error(field, "\"?\" is not supported (Cloudflare's docs do not list it; use *)");
        }
        throw error(field, quote(token) + " is not " + field.expected());
    }

    private int step(CronField field, String item, String text) {
        if (!isDigits(text) || text.length() > 9 || Integer.parseInt(text) < 1) {
            throw error(field, quote(item) + ": step must be a whole number of at least 1");
        }
        return Integer.parseInt(text);
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
