package dev.jworkers.runtime.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * A request that fires the scheduled handler instead of fetch, as wrangler's --test-scheduled
 * offers: {@code /__scheduled?cron=*+*+*+*+*} (also {@code /cdn-cgi/handler/scheduled}), with an
 * optional {@code time} (epoch ms; default now). The cron is passed as given (empty by default).
 */
record ScheduledTrigger(String cron, long time) {
    static ScheduledTrigger of(String uri) {
        QueryStringDecoder q = new QueryStringDecoder(uri);
        String path = q.path();
        if (!path.equals("/__scheduled") && !path.equals("/cdn-cgi/handler/scheduled")) return null;
        String cron = first(q.parameters().get("cron"), "");
        long time = System.currentTimeMillis();
        String t = first(q.parameters().get("time"), null);
        if (t != null) {
            try {
                time = Long.parseLong(t);
            } catch (NumberFormatException e) {
                // not a number: keep now, as the handler still runs
            }
        }
        return new ScheduledTrigger(cron, time);
    }

    private static String first(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
