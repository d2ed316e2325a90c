package dev.jworkers.runtime.cron;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The day-of-week field, numbered as Cloudflare documents it (1 = Sunday .. 7 = Saturday, see
 * {@link CronField#DAY_OF_WEEK}). Besides plain values it takes the extensions Cloudflare's docs
 * list for this field: {@code nL} (the last weekday n of the month, such as {@code 6L} or
 * {@code friL}) and {@code n#k} (the k-th weekday n of the month, k 1-5). A bare {@code L} means
 * Saturday, the last day of the week, as in Quartz whose syntax Cloudflare follows.
 *
 * @param days          plain weekdays, as a bit set of cron numbers
 * @param lastInMonth   weekdays n of {@code nL}, as a bit set
 * @param nthInMonth    {@code n#k} pairs, as a bit set indexed {@code n * 8 + k}
 */
record DayOfWeekRule(long days, long lastInMonth, long nthInMonth) {

    static DayOfWeekRule parse(FieldParser parser, String text) {
        CronField field = CronField.DAY_OF_WEEK;
        long days = 0;
        long last = 0;
        long nth = 0;
        for (String item : parser.items(field, text)) {
            String upper = item.toUpperCase(Locale.ROOT);
            int hash = upper.indexOf('#');
            if (hash >= 0) {
                int weekday = parser.value(field, item, upper.substring(0, hash));
                String k = upper.substring(hash + 1);
                if (!k.matches("[1-5]")) {
                    throw parser.error(field, FieldParser.quote(item) + ": the occurrence after # must be 1-5");
                }
                nth |= 1L << (weekday * 8 + Integer.parseInt(k));
            } else if (upper.equals("L")) {
                days |= 1L << field.max;
            } else if (upper.endsWith("L")) {
                // No weekday name ends in L, so a trailing L is always the "last in month" marker
                last |= 1L << parser.value(field, item, upper.substring(0, upper.length() - 1));
            } else {
                days |= parser.plain(field, item);
            }
        }
        return new DayOfWeekRule(days, last, nth);
    }

    boolean matches(LocalDate date) {
        int weekday = cronWeekday(date);
        int day = date.getDayOfMonth();
        if ((days & (1L << weekday)) != 0) return true;
        if ((lastInMonth & (1L << weekday)) != 0 && day + 7 > date.lengthOfMonth()) return true;
        int occurrence = (day - 1) / 7 + 1;
        return (nthInMonth & (1L << (weekday * 8 + occurrence))) != 0;
    }

    /** java.time numbers Monday 1 .. Sunday 7; Cloudflare's cron numbers Sunday 1 .. Saturday 7. */
    static int cronWeekday(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }
}
