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

    /** Sends {@code step} to the server at {@code origin} (always a loopback address). */
    public static Answer send(String origin, CaseSpec.Step step, OutboundStub stub) throws IOException {
        stub.drain();
        HttpRequest.BodyPublisher body = step.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(step.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(origin + step.path()))
                .timeout(Duration.ofSeconds(30))
                .method(step.methodOrGet(), body);
        if (step.headers() != null) step.headers().forEach(req::header);
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
