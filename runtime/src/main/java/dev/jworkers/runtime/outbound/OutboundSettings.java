package dev.jworkers.runtime.outbound;

import java.nio.file.Path;

import dev.jworkers.runtime.config.ListenAddress;

/**
 * How {@code fetch()} to the network leaves the process.
 *
 * @param globalOutbound when set, every outbound request goes to this address as plain HTTP/1.1,
 *                       whatever its URL's scheme and host (the Host header still names the URL's
 *                       host), as workerd's {@code globalOutbound} pointing at an external HTTP
 *                       service does: an egress proxy, or a stub in tests
 * @param trustedCertificates a PEM file of CA certificates trusted for HTTPS besides the system's, or null
 */
public record OutboundSettings(ListenAddress globalOutbound, Path trustedCertificates) {
    public static final OutboundSettings DIRECT = new OutboundSettings(null, null);
}
