package dev.jworkers.runtime.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** parse(): every accepted form, observed through the minutes it fires on, and every rejection's message. */
class CronExpressionParseTest {

    /** The first {@code count} firings after 2026-01-01T00:00Z (a Thursday), as "MM-ddTHH:mm". */
    private static List<String> firings(String cron, int count) {
        CronExpression expression = CronExpression.parse(cron);
        List<String> out = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            at = expression.next(at);
            out.add(at.toString().substring(5, 16));
        }
        return out;
    }

    @ParameterizedTest(name = "\"{0}\" fires at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            7 * * * *              | 01-01T00:07 01-01T01:07 01-01T02:07
            7,9 * * * *            | 01-01T00:07 01-01T00:09 01-01T01:07
            58-59 * * * *          | 01-01T00:58 01-01T00:59 01-01T01:58
            */20 * * * *           | 01-01T00:20 01-01T00:40 01-01T01:00
            1-10/4 * * * *         | 01-01T00:01 01-01T00:05 01-01T00:09
            50/4 * * * *           | 01-01T00:50 01-01T00:54 01-01T00:58
            0 23/2 * * *           | 01-01T23:00 01-02T23:00 01-03T23:00
            0,30 1-2 * * *         | 01-01T01:00 01-01T01:30 01-01T02:00
            0 0 1,3-4 * *          | 01-03T00:00 01-04T00:00 02-01T00:00
            0 0 1 Feb,aug *        | 02-01T00:00 08-01T00:00 02-01T00:00
            0 0 1 */5 *            | 06-01T00:00 11-01T00:00 01-01T00:00
            0 0 * * Mon,wed        | 01-05T00:00 01-07T00:00 01-12T00:00
            0 0 * * sun-TUE/2      | 01-04T00:00 01-06T00:00 01-11T00:00
            0 0 * * 6/1            | 01-02T00:00 01-03T00:00 01-09T00:00
            0 0 * * L              | 01-03T00:00 01-10T00:00 01-17T00:00
            0 0 L,15 * *           | 01-15T00:00 01-31T00:00 02-15T00:00
            0 0 * * 1#1,thuL       | 01-04T00:00 01-29T00:00 02-01T00:00
            """)
    void acceptedForms(String cron, String expected) {
        List<String> want = List.of(expected.split(" "));
        assertEquals(want, firings(cron, want.size()));
    }

    @Test
    void whitespaceBetweenFieldsIsFlexibleAndToStringKeepsTheOriginalText() {
        String text = "  */30\t0  *  * *  ";
        CronExpression expression = CronExpression.parse(text);
        assertEquals(text, expression.toString());
        assertEquals(List.of("01-01T00:30", "01-02T00:00"), firings(text, 2));
    }

    @Test
    void matchesIgnoresSecondsAndChecksEveryField() {
        CronExpression expression = CronExpression.parse("*/15 9-17 * MAR MON-FRI");
        assertTrue(expression.matches(Instant.parse("2026-03-02T09:15:42Z")));
        assertFalse(expression.matches(Instant.parse("2026-03-02T09:16:00Z")), "minute");
        assertFalse(expression.matches(Instant.parse("2026-03-02T18:15:00Z")), "hour");
        assertFalse(expression.matches(Instant.parse("2026-04-06T09:15:00Z")), "month");
        assertFalse(expression.matches(Instant.parse("2026-03-01T09:15:00Z")), "Sunday");
    }

    @Test
    void matchesUsesTheEitherDayRuleWhenBothDayFieldsAreRestricted() {
        CronExpression expression = CronExpression.parse("0 0 13 * FRI");
        assertTrue(expression.matches(Instant.parse("2026-01-13T00:00:00Z")), "the 13th, a Tuesday");
        assertTrue(expression.matches(Instant.parse("2026-01-02T00:00:00Z")), "a Friday, the 2nd");
        assertFalse(expression.matches(Instant.parse("2026-01-14T00:00:00Z")), "neither");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            61 * * * *          | minute 61 is out of range 0-59
            99999999999 * * * * | minute 99999999999 is out of range 0-59
            * 24 * * *          | hour 24 is out of range 0-23
            * * 0 * *           | day of month 0 is out of range 1-31
            * * 32 * *          | day of month 32 is out of range 1-31
            * * * 13 *          | month 13 is out of range 1-12
            * * * * 0           | day of week 0 is out of range 1-7 (Cloudflare numbers weekdays 1=SUN to 7=SAT)
            * * * * 8           | day of week 8 is out of range 1-7 (Cloudflare numbers weekdays 1=SUN to 7=SAT)
            x * * * *           | minute "x" is not a number 0-59
            * * * FOO *         | month "FOO" is not a number 1-12 or a name JAN-DEC
            * * * * SUNDAY      | day of week "SUNDAY" is not a number 1-7 or a name SUN-SAT
            * * * * JAN         | day of week "JAN" is not a number 1-7 or a name SUN-SAT
            */0 * * * *         | minute "*/0": step must be a whole number of at least 1
            */ * * * *          | minute "*/": step must be a whole number of at least 1
            5-2 * * * *         | minute "5-2": range start 5 is after its end 2
            * * * * FRI-MON     | day of week "FRI-MON": range start FRI is after its end MON
            5- * * * *          | minute "5-" is missing a value
            1,,2 * * * *        | minute "1,,2" has an empty list item
            * * ? * *           | day of month "?" is not supported (Cloudflare's docs do not list it; use *)
            * * L-3 * *         | day of month "L-3" is not supported: Cloudflare documents L, LW and nW (such as 15W) for this field
            * * 1-5W * *        | day of month "1-5W" is not supported: Cloudflare documents L, LW and nW (such as 15W) for this field
            * * 32W * *         | day of month 32 is out of range 1-31
            * * * * 2#6         | day of week "2#6": the occurrence after # must be 1-5
            * * * * 2#          | day of week "2#": the occurrence after # must be 1-5
            * * * * 8L          | day of week 8 is out of range 1-7 (Cloudflare numbers weekdays 1=SUN to 7=SAT)
            * * * *             | expected 5 fields (minute hour day-of-month month day-of-week), got 4
            * * * * * *         | expected 5 fields (minute hour day-of-month month day-of-week), got 6
            '   '               | expected 5 fields (minute hour day-of-month month day-of-week), got 0
            """)
    void rejectionsNameTheFieldAndTheBadPart(String cron, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(cron));
        assertEquals("cron \"" + cron + "\": " + message, e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> CronExpression.parse(null));
    }
}
