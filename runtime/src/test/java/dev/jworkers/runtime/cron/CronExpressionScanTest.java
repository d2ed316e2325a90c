package dev.jworkers.runtime.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * next() skips whole months, days and hours; this checks it against the slow obvious answer,
 * stepping minute by minute with matches(), over two months that include a leap day.
 */
class CronExpressionScanTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "*/7 * * * *", "59 23 * * *", "0 0-6/3,22 * * SUN", "30 12 L * *", "0 0 1,15 * 2-6",
            "15 9 LW * *", "0 0 15W * *", "0 6 * * 6L", "45 4 * * tue#1,FRI#3", "0 0 */10 * *",
            "0 12 29 * *"})
    void nextAgreesWithMinuteByMinuteScan(String cron) {
        CronExpression expression = CronExpression.parse(cron);
        Instant end = Instant.parse("2028-03-31T00:00:00Z");
        Instant at = Instant.parse("2028-02-01T00:00:00Z");
        Instant expectedNext = scan(expression, at, end);
        while (expectedNext != null) {
            assertEquals(expectedNext, expression.next(at), "next after " + at);
            at = expectedNext;
            expectedNext = scan(expression, at, end);
        }
    }

    private static Instant scan(CronExpression expression, Instant after, Instant end) {
        for (Instant t = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
             t.isBefore(end); t = t.plus(1, ChronoUnit.MINUTES)) {
            if (expression.matches(t)) return t;
        }
        return null;
    }
}
