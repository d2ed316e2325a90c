package dev.jworkers.cluster.rpc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C++ peer against itself: checks the harness (build, serve, client, bench) and that the
 * scenario lines in {@link InteropScenario} are what the reference implementation produces.
 */
class CppPeerSelfTest {

    private CppPeer peer;

    // Per test rather than @BeforeAll: surefire reports a class-level abort as no tests at all,
    // a per-test one as skipped with the reason. build() is done once per JVM.
    @BeforeEach
    void build() {
        peer = CppPeer.build();
    }

    @Test
    void clientPassesAgainstServerOnUnixSocket(@TempDir Path dir) {
        try (CppServer server = peer.serveUnix(dir)) {
            assertEquals(0, server.port());
            assertEquals(dir.resolve("interop.sock"), server.socketPath().orElseThrow());
            CppRun run = peer.client(server.address());
            InteropScenario.assertClientPassed(run);
            assertEquals("throw remote exception: boom", run.stdout().get(2));
        }
    }

    @Test
    void clientPassesAgainstServerOnTcpLoopback() {
        try (CppServer server = peer.serveTcp()) {
            assertTrue(server.port() > 0);
            assertEquals("127.0.0.1:" + server.port(), server.address());
            InteropScenario.assertClientPassed(peer.client(server.address()));
        }
    }

    @Test
    void benchModesReportRoundTrips(@TempDir Path dir) {
        try (CppServer server = peer.serveUnix(dir)) {
            for (CppRun run : List.of(peer.bench(server.address(), 0.3), peer.benchPipelined(server.address(), 0.3))) {
                BenchResult result = BenchResult.of(run);
                assertTrue(result.roundtrips() > 0 && result.perSecond() > 0, run::describe);
                assertTrue(result.p50us() > 0 && result.p50us() <= result.p99us(), run::describe);
            }
        }
    }

    @Test
    void clientReportsAnErrorWhenNothingListens(@TempDir Path dir) {
        CppRun run = peer.client("unix:" + dir.resolve("nobody.sock"));
        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stdout().getLast().startsWith("error "), run::describe);
    }

    @Test
    void closeStopsTheServer(@TempDir Path dir) {
        CppServer server = peer.serveUnix(dir);
        assertTrue(server.isAlive());
        server.close();
        assertFalse(server.isAlive());
    }
}
