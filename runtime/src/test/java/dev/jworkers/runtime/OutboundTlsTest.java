package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jworkers.runtime.outbound.OutboundSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fetch() over HTTPS to loopback origins with certificates made here by keytool: an untrusted
 * certificate fails, one whose CA is given as trusted succeeds, and a trusted certificate for
 * another host name fails (the host name is verified).
 */
class OutboundTlsTest {
  static final String WORKER = """
      export default {
        async fetch(request) {
          const target = new URL(request.url).searchParams.get('u');
          try {
            const r = await fetch(target);
            return new Response('ok ' + r.status + ' ' + (await r.text()).split('\\n').slice(0, 2).join(' | '));
          } catch (e) {
            return new Response(e.constructor.name + ': ' + e.message);
          }
        },
      };
      """;

  static Path dir;
  static TestOrigin good;
  static TestOrigin otherName;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("jworkers-tls");
    good = TestOrigin.https(tls(keystore("good", "dns:localhost,ip:127.0.0.1")));
    otherName = TestOrigin.https(tls(keystore("other", "dns:other.test")));
  }

  @AfterAll
  static void stop() throws IOException {
    good.close();
    otherName.close();
    TestNode.deleteTree(dir);
  }

  /** A PKCS12 key store with a self-signed certificate for {@code san}; its certificate is also written as {@code name}.pem. */
  static Path keystore(String name, String san) throws Exception {
    Path ks = dir.resolve(name + ".p12");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-ext", "SAN=" + san, "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", ks.toString(), "-storepass", "changeit",
        "-file", dir.resolve(name + ".pem").toString());
    return ks;
  }

  static void keytool(String... args) throws Exception {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> cmd = new java.util.ArrayList<>(List.of(tool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + out);
  }

  static SSLContext tls(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(kmf.getKeyManagers(), null, null);
    return c;
  }

  static String fetchThrough(TestNode node, String url) throws Exception {
    return node.get("/?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8)).body();
  }

  @Test
  void anUntrustedCertificateFails() throws Exception {
    try (TestNode node = TestNode.withOutbound(WORKER, OutboundSettings.DIRECT)) {
      assertEquals("Error: Network connection lost.", fetchThrough(node, "https://127.0.0.1:" + good.port() + "/echo"));
    }
  }

  @Test
  void aTrustedCertificateWorksAndItsHostNameIsChecked() throws Exception {
    try (TestNode node = TestNode.withOutbound(WORKER, new OutboundSettings(null, dir.resolve("good.pem")))) {
      assertEquals("ok 200 GET /echo | host: 127.0.0.1:" + good.port(), fetchThrough(node, "https://127.0.0.1:" + good.port() + "/echo"));
      assertEquals("ok 200 GET /echo | host: localhost:" + good.port(), fetchThrough(node, "https://localhost:" + good.port() + "/echo"));
    }
    // Trusted, but issued for other.test: reached as 127.0.0.1 it is refused.
    try (TestNode node = TestNode.withOutbound(WORKER, new OutboundSettings(null, dir.resolve("other.pem")))) {
      assertEquals("Error: Network connection lost.", fetchThrough(node, "https://127.0.0.1:" + otherName.port() + "/echo"));
    }
  }
}
