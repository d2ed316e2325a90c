package dev.jworkers.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.config.ListenAddress;
import dev.jworkers.runtime.config.Listener;

class HostRoutesTest {
    private static HostRoutes routes(String fallback, String... patternsAndWorkers) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (int i = 0; i < patternsAndWorkers.length; i += 2) hosts.put(patternsAndWorkers[i], patternsAndWorkers[i + 1]);
        return new HostRoutes(new Listener(new ListenAddress("127.0.0.1", 0), fallback, hosts));
    }

    @Test
    void aListenerWithoutHostsSendsEverythingToItsWorker() {
        HostRoutes r = routes("front");
        assertTrue(r.fixed());
        assertEquals("front", r.route("anything.example.com"));
        assertEquals("front", r.route(null));
    }

    @Test
    void exactHostsIgnoreCasePortAndTrailingDot() {
        HostRoutes r = routes(null, "api.example.com", "api", "[::1]", "local", "10.0.0.1", "ip");
        assertFalse(r.fixed());
        assertEquals("api", r.route("api.example.com"));
        assertEquals("api", r.route("API.Example.Com:8080"));
        assertEquals("api", r.route("api.example.com."));
        assertEquals("local", r.route("[::1]:8787"));
        assertEquals("ip", r.route("10.0.0.1:80"));
        assertNull(r.route("example.com"), "no fallback");
        assertNull(r.route("xapi.example.com"));
        assertNull(r.route(""));
        assertNull(r.route(null), "no Host header");
    }

    @Test
    void wildcardsMatchAnyDepthAndTheLongestWinsButExactComesFirst() {
        HostRoutes r = routes("fallback", "*.example.com", "wild", "*.eu.example.com", "eu", "www.eu.example.com", "www");
        assertEquals("wild", r.route("a.example.com"));
        assertEquals("wild", r.route("a.b.example.com:443"));
        assertEquals("eu", r.route("shop.EU.example.com"));
        assertEquals("www", r.route("www.eu.example.com"));
        assertEquals("fallback", r.route("example.com"), "the wildcard needs a name under the suffix");
        assertEquals("fallback", r.route("badexample.com"));
        assertEquals("fallback", r.route(".example.com."), "an empty first label still has the suffix after its dot");
    }

    @Test
    void manyHostsAllResolve() {
        Map<String, String> hosts = new HashMap<>();
        for (int i = 0; i < 500; i++) hosts.put("h" + i + ".example.com", "w" + i);
        HostRoutes r = new HostRoutes(new Listener(new ListenAddress("127.0.0.1", 0), null, hosts));
        for (int i = 0; i < 500; i++) assertEquals("w" + i, r.route("H" + i + ".example.com:1"));
        assertNull(r.route("h500.example.com"));
    }
}
