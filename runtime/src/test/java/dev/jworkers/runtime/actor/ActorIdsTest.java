package dev.jworkers.runtime.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Vectors from workerd 1.20261117.1 with a namespace whose uniqueKey is "counter-oracle-key". */
class ActorIdsTest {
    private final ActorIds ids = new ActorIds("counter-oracle-key");

    @Test
    void idFromNameMatchesWorkerd() {
        assertEquals("520feb4333cb1827df30c0007f1f26666af4cf393e0d95dc7765364467002197", ids.idFromName("X"));
        assertEquals("ef5843df43c45b4f1f7d94aa042f8266496689277007c9eaa33c57d3f0ae7153", ids.idFromName(""));
        assertEquals("3a8fa9f91c5d921820f8613db4f105702f33d02ffc9f057b91ba9a8e51adb28c", ids.idFromName("5"));
        assertEquals("955a0dc8d3bd663c9a0a169479db1d2bc7a16b2cd821e352fdfbd7d2af8f7b2c", ids.idFromName("h\u00e9llo\u2603"), "UTF-8 names");
        assertNotEquals(ids.idFromName("X"), new ActorIds("another-key").idFromName("X"), "the namespace key is part of the id");
    }

    @Test
    void uniqueIdsAreRandomAndValid() {
        String a = ids.newUniqueId(), b = ids.newUniqueId();
        assertNotEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{64}"), a);
        assertEquals(a, ids.parse(a));
        assertThrows(IllegalArgumentException.class, () -> new ActorIds("another-key").parse(a));
    }

    @Test
    void parseChecksLengthDigitsAndMacWithWorkerdsMessages() {
        String x = "520feb4333cb1827df30c0007f1f26666af4cf393e0d95dc7765364467002197";
        assertEquals(x, ids.parse(x.toUpperCase()), "upper-case digits are accepted and shown in lower case");
        for (String bad : new String[] {"abc", "z".repeat(64), x + "0", "../" + x.substring(3)}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ids.parse(bad));
            assertEquals("Invalid Durable Object ID: must be 64 hex digits", e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> ids.parse("0".repeat(64)));
        assertEquals("Durable Object ID is not valid for this namespace.", e.getMessage());
    }
}
