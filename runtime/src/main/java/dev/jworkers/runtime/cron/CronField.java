package dev.jworkers.runtime.cron;

import java.util.List;
import java.util.Locale;

/** The five fields of a cron expression: their ranges and the names they accept. */
enum CronField {
    MINUTE("minute", 0, 59, List.of(), ""),
    HOUR("hour", 0, 23, List.of(), ""),
    DAY_OF_MONTH("day of month", 1, 31, List.of(), ""),
    MONTH("month", 1, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), ""),
    // Cloudflare's cron trigger docs list weekdays as 1-7 and their examples pair "sun" with 1,
    // "mon-fri" with 2-6 and "friL" with 6L: Quartz numbering (1 = Sunday .. 7 = Saturday), not
    // Unix cron's 0-6. We follow the docs, so 0 is rejected and 7 is Saturday.
    DAY_OF_WEEK("day of week", 1, 7,
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
            " (Cloudflare numbers weekdays 1=SUN to 7=SAT)");

    final String label;
    final int min;
    final int max;
    private final List<String> names;
    /** Appended to out-of-range errors where the numbering is easy to get wrong. */
    final String rangeHint;

    CronField(String label, int min, int max, List<String> names, String rangeHint) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
        this.rangeHint = rangeHint;
    }

    /** The value of a case-insensitive name such as "aug" or "Fri", or -1 if this field has no such name. */
    int valueOfName(String token) {
        int index = names.indexOf(token.toUpperCase(Locale.ROOT));
        return index < 0 ? -1 : min + index;
    }

    /** What a single value of this field may be, for error messages. */
    String expected() {
        return names.isEmpty()
                ? "a number " + min + "-" + max
                : "a number " + min + "-" + max + " or a name " + names.getFirst() + "-" + names.getLast();
    }
}
