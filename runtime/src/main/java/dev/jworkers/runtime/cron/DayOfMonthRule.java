package dev.jworkers.runtime.cron;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The day-of-month field. Besides plain values it takes the extensions Cloudflare's docs list for
 * this field: {@code L} (last day of the month), {@code LW} (last weekday of the month) and
 * {@code nW} (the weekday nearest day n). Other Quartz forms such as {@code L-3} are rejected.
 *
 * @param days          plain days, as a bit set
 * @param lastDay       {@code L}
 * @param lastWeekday   {@code LW}
 * @param nearWeekdayTo days n of {@code nW}, as a bit set
 */
record DayOfMonthRule(long days, boolean lastDay, boolean lastWeekday, long nearWeekdayTo) {

    static DayOfMonthRule parse(FieldParser parser, String text) {
        long days = 0;
        long near = 0;
        boolean last = false;
        boolean lastWeekday = false;
        for (String item : parser.items(CronField.DAY_OF_MONTH, text)) {
            String upper = item.toUpperCase(Locale.ROOT);
            String beforeW = upper.substring(0, upper.length() - 1);
            if (upper.equals("L")) {
                last = true;
            } else if (upper.equals("LW")) {
                lastWeekday = true;
            } else if (upper.endsWith("W") && FieldParser.isDigits(beforeW)) {
                near |= 1L << parser.value(CronField.DAY_OF_MONTH, item, beforeW);
            } else if (upper.contains("L") || upper.contains("W")) {
                throw parser.error(CronField.DAY_OF_MONTH, FieldParser.quote(item)
                        + " is not supported: Cloudflare documents L, LW and nW (such as 15W) for this field");
            } else {
                days |= parser.plain(CronField.DAY_OF_MONTH, item);
            }
        }
        return new DayOfMonthRule(days, last, lastWeekday, near);
    }

    boolean matches(LocalDate date) {
        int day = date.getDayOfMonth();
        int length = date.lengthOfMonth();
        if ((days & (1L << day)) != 0) return true;
        if (lastDay && day == length) return true;
        if (lastWeekday && day == lastWeekdayOf(date)) return true;
        for (long rest = nearWeekdayTo; rest != 0; rest &= rest - 1) {
            int n = Long.numberOfTrailingZeros(rest);
            // Like a plain day, nW selects nothing in months too short to have day n
            if (n <= length && day == nearestWeekday(date.withDayOfMonth(n))) return true;
        }
        return false;
    }

    private static int lastWeekdayOf(LocalDate date) {
        LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
        return switch (last.getDayOfWeek()) {
            case SATURDAY -> last.getDayOfMonth() - 1;
            case SUNDAY -> last.getDayOfMonth() - 2;
            default -> last.getDayOfMonth();
        };
    }

    /** Quartz's rule: the nearest Monday-to-Friday day, never leaving the month. */
    private static int nearestWeekday(LocalDate target) {
        int n = target.getDayOfMonth();
        DayOfWeek weekday = target.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) return n == 1 ? 3 : n - 1;
        if (weekday == DayOfWeek.SUNDAY) return n == target.lengthOfMonth() ? n - 2 : n + 1;
        return n;
    }
}
