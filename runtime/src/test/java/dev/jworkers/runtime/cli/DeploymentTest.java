package dev.jworkers.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file `serve DIR` picks in a directory. */
class DeploymentTest {
    @TempDir Path dir;

    @Test
    void aRuntimeConfigComesBeforeAWranglerConfig() throws Exception {
        assertNull(Deployment.find(dir));
        Files.writeString(dir.resolve("wrangler.toml"), "");
        assertEquals(dir.resolve("wrangler.toml"), Deployment.find(dir));
        Files.writeString(dir.resolve("wrangler.jsonc"), "{}");
        assertEquals(dir.resolve("wrangler.jsonc"), Deployment.find(dir));
        Files.writeString(dir.resolve("runtime.json"), "{}");
        assertEquals(dir.resolve("runtime.json"), Deployment.find(dir));
        Files.writeString(dir.resolve("runtime.jsonc"), "{}");
        assertEquals(dir.resolve("runtime.jsonc"), Deployment.find(dir));
    }
}
