package dev.jworkers.runtime.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * What every shard's {@link OutboundClient} shares: the settings and the TLS client context, built
 * on the first HTTPS request (reading the system's CA certificates takes a moment).
 */
public final class Outbound {
    final OutboundSettings settings;
    private volatile SslContext tls;

    public Outbound(OutboundSettings settings) {
        this.settings = settings == null ? OutboundSettings.DIRECT : settings;
    }

    SslContext tls() throws SSLException {
        SslContext c = tls;
        if (c != null) return c;
        synchronized (this) {
            if (tls == null) {
                tls = SslContextBuilder.forClient()
                        .trustManager(trustManager())
                        .endpointIdentificationAlgorithm("HTTPS")
                        .protocols("TLSv1.3", "TLSv1.2")
                        .build();
            }
            return tls;
        }
    }

    /** The system's trust store, plus the extra CA certificates of the settings when given. */
    private X509TrustManager trustManager() throws SSLException {
        try {
            X509TrustManager system = x509(null);
            if (settings.trustedCertificates() == null) return system;
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int i = 0;
            for (Certificate cert : readPem()) extra.setCertificateEntry("extra-" + i++, cert);
            return new EitherTrustManager(x509(extra), system);
        } catch (GeneralSecurityException | IOException e) {
            throw new SSLException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private List<Certificate> readPem() throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(settings.trustedCertificates())) {
            List<Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certs.isEmpty()) throw new CertificateException("no certificate in " + settings.trustedCertificates());
            return certs;
        }
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509TrustManager x) return x;
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server chain that either manager trusts. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
