package dev.jworkers.conformance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One case file (conformance-tests/cases/**.json): what to serve and which requests to send, with
 * the checks on each answer. The format is described in conformance-tests/README.md.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSpec(
        String description,
        /** A create-cloudflare template name (templates/<template>/<language>), or null. */
        String template,
        /** "js" or "ts"; TypeScript is bundled with esbuild first. */
        String language,
        /**
         * The template's folder under create-cloudflare's templates/ when it is not
         * <template>/<language> (hono: hono/workers/templates, what create-hono's files are
         * copied from); null otherwise.
         */
        String templateFolder,
        /** A folder of this repository holding a wrangler.jsonc (instead of a template). */
        String sample,
        /** Passed as --test-scheduled to this runtime (enables GET /__scheduled). */
        boolean testScheduled,
        /** Response headers compared with workerd (names, lower case); content-type when absent. */
        List<String> compareHeaders,
        /** What the loopback stand-in for the Internet answers to outbound fetch() (see OutboundStub). */
        List<StubAnswer> outbound,
        List<Step> requests) {

    /** One answer of the outbound stub: for requests with this Host header and path (query included). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record StubAnswer(String host, String path, Integer status, Map<String, String> headers, String body) {
        int statusOr200() { return status == null ? 200 : status; }
        String bodyOrEmpty() { return body == null ? "" : body; }
    }

    /** One request and the checks on its answer. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Step(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            Expect expect,
            /** False when workerd cannot serve this request the same way; then oracleReason says why. */
            Boolean oracle,
            String oracleReason,
            /**
             * Why this runtime is known to fail this step's checks; its failure is shown, not fatal,
             * and its answer is not compared with workerd's (whose checks must still pass).
             */
            String knownFailure,
            /** False when the two runtimes' bodies are expected to differ (random values): not compared. */
            Boolean compareBody) {
        public String methodOrGet() { return method == null ? "GET" : method; }
        public boolean compareBodyOrTrue() { return compareBody == null || compareBody; }
        public boolean askOracle() { return oracle == null || oracle; }
    }

    /** Checks; every one given must hold. Strings may hold ${origin} (http://127.0.0.1:port). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Expect(
            Integer status,
            String body,
            List<String> bodyContains,
            String bodyMatches,
            Map<String, String> headers,
            /** Response headers that must be present and match these regular expressions (whole value). */
            Map<String, String> headerMatches,
            /** The outbound requests ("METHOD host/path") the stub must have received during this step, in order. */
            List<String> outbound) {}

    /** The template's folder relative to create-cloudflare's templates/ (null for a sample). */
    public String templatePath() {
        if (template == null) return null;
        return templateFolder != null ? templateFolder : template + "/" + language;
    }

    public List<String> headersToCompare() {
        return compareHeaders == null ? List.of("content-type") : compareHeaders;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static CaseSpec read(Path file) throws IOException {
        CaseSpec spec = JSON.readValue(file.toFile(), CaseSpec.class);
        if ((spec.template == null) == (spec.sample == null)) {
            throw new IOException(file + ": give exactly one of \"template\" and \"sample\"");
        }
        if (spec.template != null && !"js".equals(spec.language) && !"ts".equals(spec.language)) {
            throw new IOException(file + ": \"language\" must be \"js\" or \"ts\" for a template");
        }
        if (spec.templateFolder != null) {
            Path folder = Path.of(spec.templateFolder);
            if (spec.template == null || spec.templateFolder.isBlank() || folder.isAbsolute() || folder.normalize().startsWith("..")
                    || !folder.normalize().equals(folder)) {
                throw new IOException(file + ": \"templateFolder\" is a plain relative folder under templates/, and only with \"template\"");
            }
        }
        if (spec.requests == null || spec.requests.isEmpty()) throw new IOException(file + ": no \"requests\"");
        if (spec.outbound != null) {
            for (StubAnswer a : spec.outbound) {
                if (a.host() == null || a.path() == null || !a.path().startsWith("/")) {
                    throw new IOException(file + ": each \"outbound\" answer needs a \"host\" and a \"path\" starting with /");
                }
            }
        }
        for (Step s : spec.requests) {
            if (s.path == null || !s.path.startsWith("/")) throw new IOException(file + ": each request needs a \"path\" starting with /");
            if (!s.askOracle() && (s.oracleReason == null || s.oracleReason.isBlank())) {
                throw new IOException(file + ": \"oracle\": false needs an \"oracleReason\"");
            }
        }
        return spec;
    }
}
