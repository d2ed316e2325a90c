package dev.jworkers.runtime.actor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Durable Object ids of one namespace, made exactly as workerd makes them, so an id string is valid
 * in both runtimes for the same unique key: 32 bytes shown as 64 lower-case hex digits, the first 16
 * identifying the object (HMAC-SHA256 of the name for {@code idFromName}, random for
 * {@code newUniqueId}) and the last 16 a MAC of the first 16 under the namespace's key
 * (SHA-256 of its unique key), which {@code idFromString} checks.
 */
public final class ActorIds {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public ActorIds(String uniqueKey) {
        try {
            byte[] k = MessageDigest.getInstance("SHA-256").digest(uniqueKey.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(k, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The id for {@code name}: the same name always gives the same id. */
    public String idFromName(String name) {
        return withMac(Arrays.copyOf(hmac(name.getBytes(StandardCharsets.UTF_8)), 16));
    }

    /** A new random id. */
    public String newUniqueId() {
        byte[] first = new byte[16];
        RANDOM.nextBytes(first);
        return withMac(first);
    }

    /**
     * The canonical (lower-case) form of an id string, or an {@link IllegalArgumentException} with
     * workerd's message: not 64 hex digits, or a MAC that does not match this namespace.
     */
    public String parse(String id) {
        if (id.length() != 64 || !isHex(id)) throw new IllegalArgumentException("Invalid Durable Object ID: must be 64 hex digits");
        byte[] bytes = HEX.parseHex(id);
        byte[] expected = Arrays.copyOf(hmac(Arrays.copyOf(bytes, 16)), 16);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, 16, 32))) {
            throw new IllegalArgumentException("Durable Object ID is not valid for this namespace.");
        }
        return HEX.formatHex(bytes);
    }

    private String withMac(byte[] first16) {
        byte[] id = Arrays.copyOf(first16, 32);
        System.arraycopy(hmac(first16), 0, id, 16, 16);
        return HEX.formatHex(id);
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }
}
