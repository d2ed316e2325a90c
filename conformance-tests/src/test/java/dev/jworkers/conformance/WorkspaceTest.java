package dev.jworkers.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which npm packages a template's sources import (what decides installing and bundling). */
class WorkspaceTest {
    @TempDir Path dir;

    @Test
    void findsBareImportsByPackageName() throws IOException {
        Files.createDirectories(dir.resolve("src/endpoints"));
        Files.writeString(dir.resolve("src/index.ts"), """
                import { fromHono } from "chanfana";
                import { Hono } from 'hono';
                import type { Context } from "hono/tiny";
                import { TaskCreate } from "./endpoints/taskCreate";
                import { DurableObject } from "cloudflare:workers";
                import { Buffer } from "node:buffer";
                export { x } from "@scope/pkg/sub";
                import "side-effect";
                const lazy = await import( 'lazy-pkg' );
                // import { old } from "commented-out";
                /* import { older } from "block-commented";
                   import { oldest } from "block-commented-too"; */
                const url = "https://example.com/not-an-import"; const s = "see/from 'x'";
                """);
        Files.writeString(dir.resolve("src/endpoints/taskCreate.ts"), "import { z } from \"zod\";\n");
        Files.writeString(dir.resolve("src/types.d.ts"), "import type { X } from \"declarations-only\";\n");
        Files.writeString(dir.resolve("src/index.spec.ts"), "import { it } from \"vitest\";\n");
        Files.createDirectories(dir.resolve("node_modules/x"));
        Files.writeString(dir.resolve("node_modules/x/index.js"), "import \"inside-node-modules\";\n");
        Files.createDirectories(dir.resolve("dist"));
        Files.writeString(dir.resolve("dist/index.js"), "import \"inside-the-bundle\";\n");
        assertEquals(Set.of("chanfana", "hono", "zod", "@scope/pkg", "side-effect", "lazy-pkg"),
                Workspace.bareImports(dir));
    }

    @Test
    void relativeImportsAreNotPackages() throws IOException {
        Files.writeString(dir.resolve("index.js"), "import { a } from './a.js';\nimport b from '../b.mjs';\nexport default {};\n");
        Files.writeString(dir.resolve("a.js"), "export const a = 1;\n");
        assertEquals(Set.of(), Workspace.bareImports(dir));
    }
}
