package dev.jworkers.runtime.io;

import java.util.function.BiConsumer;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The form headers take between Java and JS: {@code name\nvalue\n} pairs in one string (one
 * boundary crossing instead of one per header). Names keep the case they were given.
 */
public final class HeaderBlob {
    private HeaderBlob() {}

    /** The blob of Netty's {@code headers}, in their order. */
    public static String of(HttpHeaders headers) {
        StringBuilder b = new StringBuilder(256);
        for (var it = headers.iteratorCharSequence(); it.hasNext(); ) {
            var e = it.next();
            b.append(e.getKey()).append('\n').append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    /** Calls {@code each} with every (name, value) pair of {@code blob}, in order. */
    public static void forEach(String blob, BiConsumer<String, String> each) {
        int i = 0, n = blob.length();
        while (i < n) {
            int a = blob.indexOf('\n', i);
            if (a < 0) return;
            int b = blob.indexOf('\n', a + 1);
            if (b < 0) return;
            each.accept(blob.substring(i, a), blob.substring(a + 1, b));
            i = b + 1;
        }
    }
}
