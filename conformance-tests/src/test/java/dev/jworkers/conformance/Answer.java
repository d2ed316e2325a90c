package dev.jworkers.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A runtime's answer to one case request: status, headers (names lower case), body as text, and the
 * outbound requests the stub received meanwhile.
 */
public record Answer(int status, Map<String, List<String>> headers, String body, List<String> outbound) {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * Sends {@code step} to the server at {@code origin} (always a loopback address). {@code ${etag}}
     * in a request header's value stands for {@code etag}, the ETag the same server last answered
     * with in this case (left as it is when there was none).
     */
    public static Answer send(String origin, CaseSpec.Step step, OutboundStub stub, String etag) throws IOException {
        stub.drain();
        HttpRequest.BodyPublisher body = step.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(step.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(origin + step.path())).timeout(Duration.ofSeconds(30));
        // GET and HEAD without a body go without Content-Length, as browsers and curl send them
        // (method(..., noBody()) would add "Content-Length: 0", which workerd reads as an empty body:
        // passed over RPC to Cloudflare's asset Worker, such a GET fails with a TypeError).
        if (step.body() == null && step.methodOrGet().equals("GET")) req.GET();
        else if (step.body() == null && step.methodOrGet().equals("HEAD")) req.HEAD();
        else req.method(step.methodOrGet(), body);
        if (step.headers() != null) {
            step.headers().forEach((name, value) -> req.header(name, etag == null ? value : value.replace("${etag}", etag)));
        }
        try {
            HttpResponse<byte[]> res = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(res.statusCode(), res.headers().map(), new String(res.body(), StandardCharsets.UTF_8), stub.drain());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The header's values joined as one field value, or null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) return String.join(", ", h.getValue());
        }
        return null;
    }
}
