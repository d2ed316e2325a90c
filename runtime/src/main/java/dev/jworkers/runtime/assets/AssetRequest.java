package dev.jworkers.runtime.assets;

import java.util.function.Function;

import dev.jworkers.runtime.io.HeaderBlob;

/**
 * What the asset server reads of a request.
 *
 * @param method      the method, as sent
 * @param pathname    the URL's pathname, normalized as a Worker's {@code new URL(request.url)} sees it
 * @param search      the URL's query with its {@code ?}, or empty
 * @param ifNoneMatch the If-None-Match header, or null
 * @param navigation  whether Sec-Fetch-Mode is {@code navigate} (a browser navigating to a page)
 * @param cacheable   whether the answer may say Cache-Control: public (no Authorization or Range header)
 */
public record AssetRequest(String method, String pathname, String search, String ifNoneMatch, boolean navigation, boolean cacheable) {

    /** From a request's method, absolute URL and headers ({@code header} looks a name up case-insensitively; null when absent). */
    public static AssetRequest of(String method, String url, Function<String, String> header) {
        AssetPath.Target t = AssetPath.parse(url);
        String mode = header.apply("sec-fetch-mode");
        boolean cacheable = header.apply("authorization") == null && header.apply("range") == null;
        return new AssetRequest(method, t.pathname(), t.search(), header.apply("if-none-match"), "navigate".equals(mode), cacheable);
    }

    /** From a header blob ({@code name\nvalue\n} pairs, as requests cross between contexts). */
    public static AssetRequest of(String method, String url, String headersBlob) {
        return of(method, url, name -> blobHeader(headersBlob, name));
    }

    private static String blobHeader(String blob, String name) {
        StringBuilder found = new StringBuilder();
        boolean[] any = new boolean[1];
        HeaderBlob.forEach(blob, (n, v) -> {
            if (!n.equalsIgnoreCase(name)) return;
            if (any[0]) found.append(", ");
            found.append(v);
            any[0] = true;
        });
        return any[0] ? found.toString() : null;
    }

    boolean readOnly() {
        return method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD");
    }

    boolean head() {
        return method.equalsIgnoreCase("HEAD");
    }
}
