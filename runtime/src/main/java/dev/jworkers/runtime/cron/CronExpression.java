package dev.jworkers.runtime.cron;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A Workers cron trigger schedule ({@code triggers.crons} in wrangler config), evaluated in UTC as
 * Cloudflare runs them.
 *
 * <p>Five whitespace-separated fields: minute (0-59), hour (0-23), day of month (1-31), month
 * (1-12 or JAN-DEC) and day of week (1-7 with 1 = Sunday, or SUN-SAT: the numbering Cloudflare's
 * docs give). Names are case-insensitive. Every field takes {@code *}, values, ranges {@code a-b},
 * lists {@code a,b} and steps <code>&#42;/n</code>, {@code a-b/n}, {@code a/n}. Day of month also
 * takes {@code L}, {@code LW} and {@code nW}; day of week takes {@code nL} and {@code n#k}.
 *
 * <p>When both day fields are restricted a day matches if either matches, as in classic cron. A
 * day field whose text starts with {@code *} counts as unrestricted (Vixie cron's rule), so then
 * only the other field decides, combined with any step the starred field has.
 */
public final class CronExpression {
    /**
     * The Gregorian calendar repeats every 400 years (146097 days, a whole number of weeks), and
     * whether a date matches depends only on its month, day and weekday. So if nothing matches in
     * the 400 years after a start, nothing ever will: {@link #next} stops there and returns null.
     */
    private static final int SEARCH_YEARS = 400;

    private final String text;
    private final long minutes;
    private final long hours;
    private final long months;
    private final DayOfMonthRule daysOfMonth;
    private final DayOfWeekRule daysOfWeek;
    private final boolean eitherDayField;

    private CronExpression(String text, long minutes, long hours, long months,
                           DayOfMonthRule daysOfMonth, DayOfWeekRule daysOfWeek, boolean eitherDayField) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.daysOfMonth = daysOfMonth;
        this.daysOfWeek = daysOfWeek;
        this.eitherDayField = eitherDayField;
    }

    /**
     * Parses a cron expression.
     *
     * @throws IllegalArgumentException naming the field and the part that is wrong
     */
    public static CronExpression parse(String text) {
        Objects.requireNonNull(text, "cron expression");
        FieldParser parser = new FieldParser(text);
        String stripped = text.strip();
        String[] fields = stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
        if (fields.length != 5) {
            throw parser.error("expected 5 fields (minute hour day-of-month month day-of-week), got " + fields.length);
        }
        long minutes = bits(parser, CronField.MINUTE, fields[0]);
        long hours = bits(parser, CronField.HOUR, fields[1]);
        DayOfMonthRule daysOfMonth = DayOfMonthRule.parse(parser, fields[2]);
        long months = bits(parser, CronField.MONTH, fields[3]);
        DayOfWeekRule daysOfWeek = DayOfWeekRule.parse(parser, fields[4]);
        boolean either = !fields[2].startsWith("*") && !fields[4].startsWith("*");
        return new CronExpression(text, minutes, hours, months, daysOfMonth, daysOfWeek, either);
    }

    private static long bits(FieldParser parser, CronField field, String text) {
        long bits = 0;
        for (String item : parser.items(field, text)) bits |= parser.plain(field, item);
        return bits;
    }

    /**
     * The first matching minute strictly after {@code after} (seconds and below zero), or null if
     * the expression can never match, such as {@code 0 0 31 2 *} (see {@link #SEARCH_YEARS}).
     * Walks day by day through allowed months only, then picks the hour and minute from bit sets,
     * so a search costs at most a few thousand day checks per year scanned.
     */
    public Instant next(Instant after) {
        LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        LocalDate limit = date.getYear() > LocalDate.MAX.getYear() - SEARCH_YEARS
                ? LocalDate.MAX : date.plusYears(SEARCH_YEARS);
        int fromMinuteOfDay = start.getHour() * 60 + start.getMinute();
        while (!date.isAfter(limit)) {
            if (!has(months, date.getMonthValue())) {
                if (date.getYear() == LocalDate.MAX.getYear() && date.getMonthValue() == 12) return null;
                date = date.withDayOfMonth(1).plusMonths(1);
                fromMinuteOfDay = 0;
                continue;
            }
            if (dayMatches(date)) {
                int minuteOfDay = firstTimeFrom(fromMinuteOfDay);
                if (minuteOfDay >= 0) {
                    return date.atTime(minuteOfDay / 60, minuteOfDay % 60).toInstant(ZoneOffset.UTC);
                }
            }
            if (date.equals(LocalDate.MAX)) return null;
            date = date.plusDays(1);
            fromMinuteOfDay = 0;
        }
        return null;
    }

    /** Whether the minute containing {@code instant} (in UTC) is one this expression fires on; seconds are ignored. */
    public boolean matches(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return has(minutes, time.getMinute()) && has(hours, time.getHour())
                && has(months, time.getMonthValue()) && dayMatches(time.toLocalDate());
    }

    /** The text this expression was parsed from, unchanged. */
    @Override
    public String toString() {
        return text;
    }

    private boolean dayMatches(LocalDate date) {
        return eitherDayField
                ? daysOfMonth.matches(date) || daysOfWeek.matches(date)
                : daysOfMonth.matches(date) && daysOfWeek.matches(date);
    }

    /** The first matching minute of the day at or after {@code minuteOfDay}, or -1 if none is left today. */
    private int firstTimeFrom(int minuteOfDay) {
        int hour = nextBit(hours, minuteOfDay / 60);
        if (hour < 0) return -1;
        if (hour == minuteOfDay / 60) {
            int minute = nextBit(minutes, minuteOfDay % 60);
            if (minute >= 0) return hour * 60 + minute;
            hour = nextBit(hours, hour + 1);
            if (hour < 0) return -1;
        }
        return hour * 60 + nextBit(minutes, 0);
    }

    private static boolean has(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }

    /** The lowest set bit at or above {@code from}, or -1. */
    private static int nextBit(long bits, int from) {
        if (from > 63) return -1;
        long rest = bits & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }
}
