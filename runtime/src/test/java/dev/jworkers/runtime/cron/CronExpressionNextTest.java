package dev.jworkers.runtime.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** next(): the first matching minute strictly after a time, in UTC. */
class CronExpressionNextTest {

    @ParameterizedTest(name = "\"{0}\" after {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # every minute; strictly after, seconds dropped, across a year end
            * * * * *            | 2026-01-01T00:00:00Z | 2026-01-01T00:01:00Z
            * * * * *            | 2026-01-01T00:00:30Z | 2026-01-01T00:01:00Z
            * * * * *            | 2026-12-31T23:59:59Z | 2027-01-01T00:00:00Z
            # steps
            */15 * * * *         | 2026-01-01T00:00:00Z | 2026-01-01T00:15:00Z
            */15 * * * *         | 2026-01-01T00:45:00Z | 2026-01-01T01:00:00Z
            5/20 * * * *         | 2026-01-01T00:45:00Z | 2026-01-01T01:05:00Z
            10-30/10 8-17/3 * * *| 2026-01-01T08:10:00Z | 2026-01-01T08:20:00Z
            10-30/10 8-17/3 * * *| 2026-01-01T08:30:00Z | 2026-01-01T11:10:00Z
            10-30/10 8-17/3 * * *| 2026-01-01T17:30:00Z | 2026-01-02T08:10:00Z
            0 * * * *            | 2026-01-01T10:00:00Z | 2026-01-01T11:00:00Z
            # months by number and name
            0 12 * JUN *         | 2026-07-01T00:00:00Z | 2027-06-01T12:00:00Z
            0 0 1 jan-mar *      | 2026-03-01T00:00:00Z | 2027-01-01T00:00:00Z
            0 0 1 2,11 *         | 2026-02-01T00:00:00Z | 2026-11-01T00:00:00Z
            # weekdays: 1 = Sunday .. 7 = Saturday, as Cloudflare documents (2026-01-01 is a Thursday)
            0 17 * * sun         | 2026-01-01T00:00:00Z | 2026-01-04T17:00:00Z
            0 17 * * 1           | 2026-01-01T00:00:00Z | 2026-01-04T17:00:00Z
            0 0 * * 7            | 2026-01-01T00:00:00Z | 2026-01-03T00:00:00Z
            0 0 * * SAT          | 2026-01-01T00:00:00Z | 2026-01-03T00:00:00Z
            0 9 * * MON-FRI      | 2026-01-02T09:00:00Z | 2026-01-05T09:00:00Z
            0 9 * * 2-6          | 2026-01-02T09:00:00Z | 2026-01-05T09:00:00Z
            0 0 * * MON          | 2026-01-01T00:00:00Z | 2026-01-05T00:00:00Z
            # both day fields restricted: either one matches (Friday 2nd, then Tuesday 13th)
            0 0 13 * FRI         | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z
            0 0 13 * FRI         | 2026-01-12T00:00:00Z | 2026-01-13T00:00:00Z
            # a starred day field leaves only the other, plus its step: odd days that are Mondays
            0 0 */2 * MON        | 2026-01-01T00:00:00Z | 2026-01-05T00:00:00Z
            0 0 */2 * MON        | 2026-01-05T00:00:00Z | 2026-01-19T00:00:00Z
            # month ends and leap years (2100 is not a leap year)
            0 0 31 * *           | 2026-01-31T00:00:00Z | 2026-03-31T00:00:00Z
            0 0 29 2 *           | 2026-01-01T00:00:00Z | 2028-02-29T00:00:00Z
            0 0 29 2 *           | 2096-03-01T00:00:00Z | 2104-02-29T00:00:00Z
            # L: last day of the month
            0 0 L * *            | 2026-02-01T00:00:00Z | 2026-02-28T00:00:00Z
            0 0 L * *            | 2028-02-01T00:00:00Z | 2028-02-29T00:00:00Z
            0 0 L * *            | 2026-04-30T00:00:00Z | 2026-05-31T00:00:00Z
            # LW: last weekday (Jan 31 2026 is a Saturday, May 31 a Sunday, Mar 31 a Tuesday)
            59 23 LW * *         | 2026-01-01T00:00:00Z | 2026-01-30T23:59:00Z
            59 23 LW * *         | 2026-05-01T00:00:00Z | 2026-05-29T23:59:00Z
            59 23 LW * *         | 2026-03-01T00:00:00Z | 2026-03-31T23:59:00Z
            # nW: nearest weekday, never leaving the month
            0 0 15W * *          | 2026-01-01T00:00:00Z | 2026-01-15T00:00:00Z
            0 0 15W * *          | 2026-02-01T00:00:00Z | 2026-02-16T00:00:00Z
            0 0 15W * *          | 2026-08-01T00:00:00Z | 2026-08-14T00:00:00Z
            0 0 1W * *           | 2026-07-02T00:00:00Z | 2026-08-03T00:00:00Z
            0 0 31W * *          | 2026-04-01T00:00:00Z | 2026-05-29T00:00:00Z
            # nL: last weekday n of the month; n#k: k-th weekday n
            0 18 * * 6L          | 2026-01-01T00:00:00Z | 2026-01-30T18:00:00Z
            0 18 * * friL        | 2026-01-01T00:00:00Z | 2026-01-30T18:00:00Z
            0 10 * * MON#2       | 2026-01-01T00:00:00Z | 2026-01-12T10:00:00Z
            0 10 * * 2#2         | 2026-01-12T10:00:00Z | 2026-02-09T10:00:00Z
            0 0 * * 6#5          | 2026-01-31T00:00:00Z | 2026-05-29T00:00:00Z
            # a fifth Monday in February needs Feb 29 on a Monday: 2072, then not until 2112
            0 0 * 2 MON#5        | 2026-01-01T00:00:00Z | 2044-02-29T00:00:00Z
            0 0 * 2 MON#5        | 2072-03-01T00:00:00Z | 2112-02-29T00:00:00Z
            """)
    void nextMatchingMinute(String cron, String after, String expected) {
        assertEquals(Instant.parse(expected), CronExpression.parse(cron).next(Instant.parse(after)));
    }

    @ParameterizedTest(name = "\"{0}\" never matches")
    @ValueSource(strings = {"0 0 31 2 *", "0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 31W 2 *"})
    void neverMatchingExpressionGivesNull(String cron) {
        CronExpression expression = CronExpression.parse(cron);
        Instant result = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> expression.next(Instant.parse("2026-01-01T00:00:00Z")));
        assertNull(result);
    }

    @Test
    void resultsChainWithoutRepeats() {
        CronExpression everyQuarter = CronExpression.parse("*/15 * * * *");
        Instant first = everyQuarter.next(Instant.parse("2026-01-01T00:00:00Z"));
        Instant second = everyQuarter.next(first);
        assertEquals(Instant.parse("2026-01-01T00:30:00Z"), second);
    }
}
