package dev.jworkers.runtime.assets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** .assetsignore patterns, with .gitignore's meaning. */
class AssetsIgnoreTest {
    private static AssetsIgnore of(String... lines) {
        return AssetsIgnore.of(List.of(lines));
    }

    @Test
    void metaFilesAtTheRootAreAlwaysLeftOut() {
        AssetsIgnore i = of();
        assertTrue(i.ignored(".assetsignore", false));
        assertTrue(i.ignored("_headers", false));
        assertTrue(i.ignored("_redirects", false));
        assertFalse(i.ignored("docs/_headers", false), "only at the root");
        assertFalse(i.ignored("index.html", false));
    }

    @Test
    void namesMatchAtAnyDepthUnlessASlashAnchorsThem() {
        AssetsIgnore i = of("# comment", "", "*.map", "/top.txt", "build/cache", "  ");
        assertTrue(i.ignored("app.js.map", false));
        assertTrue(i.ignored("a/b/c.map", false));
        assertTrue(i.ignored("top.txt", false));
        assertFalse(i.ignored("sub/top.txt", false));
        assertTrue(i.ignored("build/cache", true));
        assertTrue(i.ignored("build/cache/x.bin", false), "inside an ignored directory");
        assertFalse(i.ignored("other/build/cache", true), "an inner slash anchors at the root");
        assertFalse(i.ignored("# comment", false));
    }

    @Test
    void directoryPatternsNegationAndDoubleStars() {
        AssetsIgnore i = of("logs/", "!keep.map", "*.map", "!important.map", "docs/**/draft-*.md", "**/tmp", "assets/**");
        assertTrue(i.ignored("logs", true));
        assertFalse(i.ignored("logs", false), "a trailing slash matches directories only");
        assertTrue(i.ignored("x/logs/today.txt", false));
        assertTrue(i.ignored("keep.map", false), "a later pattern wins over an earlier negation");
        assertFalse(i.ignored("important.map", false));
        assertTrue(i.ignored("docs/draft-1.md", false));
        assertTrue(i.ignored("docs/a/b/draft-2.md", false));
        assertFalse(i.ignored("docs/final.md", false));
        assertTrue(i.ignored("tmp", true));
        assertTrue(i.ignored("a/b/tmp/f", false));
        assertTrue(i.ignored("assets/x/y.png", false));
        assertFalse(i.ignored("assets", true), "'assets/**' matches what is inside, not the folder itself");
    }

    @Test
    void nothingInsideAnIgnoredDirectoryCanBeReincluded() {
        AssetsIgnore i = of("private/", "!private/public.txt");
        assertTrue(i.ignored("private/public.txt", false));
    }

    @Test
    void characterClassesQuestionMarksAndEscapes() {
        AssetsIgnore i = of("file[0-9].txt", "?.tmp", "\\#hash", "\\!bang", "trailing\\ ");
        assertTrue(i.ignored("file7.txt", false));
        assertFalse(i.ignored("fileA.txt", false));
        assertTrue(i.ignored("a.tmp", false));
        assertFalse(i.ignored("ab.tmp", false));
        assertTrue(i.ignored("#hash", false));
        assertTrue(i.ignored("!bang", false));
        assertTrue(i.ignored("trailing ", false));
    }
}
