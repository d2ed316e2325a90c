package dev.jworkers.runtime.assets;

import dev.jworkers.runtime.config.WorkerConfig.HtmlHandling;
import dev.jworkers.runtime.config.WorkerConfig.NotFoundHandling;

/**
 * What a decoded request path means under {@code html_handling}: a file to serve (with its
 * status), a redirect to the path where the file is served instead, or nothing (then
 * {@code not_found_handling} decides). The rules, per mode, are those of Cloudflare's asset
 * server; its documented tables, for {@code file.html} and {@code folder/index.html}:
 *
 * <pre>
 * request             auto-trailing-slash  force-trailing-slash  drop-trailing-slash  none
 * /file               file.html            307 /file/            file.html            not found
 * /file.html          307 /file            307 /file/            307 /file            file.html
 * /file/              307 /file            file.html             307 /file            not found
 * /folder             307 /folder/         307 /folder/          folder/index.html    not found
 * /folder/            folder/index.html    folder/index.html     307 /folder          not found
 * /folder/index.html  307 /folder/         307 /folder/          307 /folder          folder/index.html
 * </pre>
 *
 * A redirect is only taken when it is safe: nothing sits at the destination itself, and the
 * destination (resolved without redirects) serves the same content, so redirects never loop.
 */
final class AssetResolver {
    /** The answer for a path. */
    sealed interface Intent permits Serve, Redirect {}

    /** Serve {@code asset} with {@code status} (200, or 404 for a 404 page). */
    record Serve(Asset asset, int status) implements Intent {}

    /** Redirect to decoded path {@code to}. */
    record Redirect(String to) implements Intent {}

    private final AssetManifest files;
    private final HtmlHandling mode;

    AssetResolver(AssetManifest files, HtmlHandling mode) {
        this.files = files;
        this.mode = mode;
    }

    /** The intent for decoded path {@code p}, falling back to {@code notFound}; null when nothing answers. */
    Intent resolve(String p, NotFoundHandling notFound) {
        return resolve(p, notFound, true);
    }

    private Intent resolve(String p, NotFoundHandling notFound, boolean redirects) {
        Intent i = switch (mode) {
            case AUTO_TRAILING_SLASH -> auto(p, notFound, redirects);
            case FORCE_TRAILING_SLASH -> force(p, notFound, redirects);
            case DROP_TRAILING_SLASH -> drop(p, notFound, redirects);
            case NONE -> serve(p);
        };
        return i != null ? i : notFound(p, notFound);
    }

    // Each mode tries its steps in order; the first that applies answers. A path's ending picks the
    // first steps; the common ones follow.

    private Intent auto(String p, NotFoundHandling nf, boolean rd) {
        Intent i = null;
        if (p.endsWith("/index")) {
            String dir = cut(p, "index"), base = cut(p, "/index");
            i = or(serve(p), () -> redirect(p + ".html", dir, nf, rd), () -> redirect(base + ".html", base, nf, rd));
        } else if (p.endsWith("/index.html")) {
            String dir = cut(p, "index.html"), base = cut(p, "/index.html");
            i = or(redirect(p, dir, nf, rd), () -> redirect(base + ".html", base, nf, rd));
        } else if (p.endsWith("/")) {
            String base = cut(p, "/");
            i = or(serve(p + "index.html"), () -> redirect(base + ".html", base, nf, rd));
        } else if (p.endsWith(".html")) {
            String base = cut(p, ".html");
            i = or(redirect(p, base, nf, rd), () -> redirect(base + "/index.html", base + "/", nf, rd));
        }
        if (i != null) return i;
        return or(serve(p), () -> serve(p + ".html"), () -> redirect(p + "/index.html", p + "/", nf, rd));
    }

    private Intent force(String p, NotFoundHandling nf, boolean rd) {
        Intent i = null;
        if (p.endsWith("/index")) {
            String dir = cut(p, "index"), base = cut(p, "/index");
            i = or(serve(p), () -> redirect(p + ".html", dir, nf, rd), () -> redirect(base + ".html", dir, nf, rd));
        } else if (p.endsWith("/index.html")) {
            String dir = cut(p, "index.html"), base = cut(p, "/index.html");
            i = or(redirect(p, dir, nf, rd), () -> redirect(base + ".html", dir, nf, rd));
        } else if (p.endsWith("/")) {
            i = or(serve(p + "index.html"), () -> serve(cut(p, "/") + ".html"));
        } else if (p.endsWith(".html")) {
            String base = cut(p, ".html");
            // With both file.html and file/index.html, file.html stays at /file.html.
            i = or(redirect(p, base + "/", nf, rd), () -> serve(p), () -> redirect(base + "/index.html", base + "/", nf, rd));
        }
        if (i != null) return i;
        return or(serve(p), () -> redirect(p + ".html", p + "/", nf, rd), () -> redirect(p + "/index.html", p + "/", nf, rd));
    }

    private Intent drop(String p, NotFoundHandling nf, boolean rd) {
        Intent i = null;
        if (p.endsWith("/index")) {
            String base = cut(p, "/index");
            if (p.equals("/index")) i = or(serve(p), () -> redirect("/index.html", "/", nf, rd));
            else i = or(serve(p), () -> redirect(base + ".html", base, nf, rd), () -> redirect(p + ".html", base, nf, rd));
        } else if (p.endsWith("/index.html")) {
            String base = cut(p, "/index.html");
            // The root keeps its slash. With both folder.html and folder/index.html, the latter stays where it is.
            if (p.equals("/index.html")) i = redirect(p, "/", nf, rd);
            else i = or(redirect(p, base, nf, rd), () -> serve(p), () -> redirect(base + ".html", base, nf, rd));
        } else if (p.endsWith("/")) {
            String base = cut(p, "/");
            if (p.equals("/")) i = serve("/index.html");
            else i = or(redirect(base + ".html", base, nf, rd), () -> redirect(base + "/index.html", base, nf, rd));
        } else if (p.endsWith(".html")) {
            String base = cut(p, ".html");
            i = or(redirect(p, base, nf, rd), () -> redirect(base + "/index.html", base, nf, rd));
        }
        if (i != null) return i;
        return or(serve(p), () -> serve(p + ".html"), () -> serve(p + "/index.html"));
    }

    /** {@code not_found_handling}: the nearest 404.html up the tree (status 404), or /index.html (200), or nothing. */
    private Intent notFound(String p, NotFoundHandling nf) {
        switch (nf) {
            case SINGLE_PAGE_APPLICATION -> {
                return serve("/index.html");
            }
            case PAGE_404 -> {
                String dir = p;
                while (!dir.isEmpty()) {
                    dir = dir.substring(0, Math.max(0, dir.lastIndexOf('/')));
                    Asset page = files.get(dir + "/404.html");
                    if (page != null) return new Serve(page, 404);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Intent serve(String path) {
        Asset a = files.get(path);
        return a == null ? null : new Serve(a, 200);
    }

    /**
     * A redirect from a request naming {@code file} to {@code destination}, when {@code file}
     * exists, nothing sits at {@code destination} itself, and {@code destination} (resolved without
     * redirects) serves the same content.
     */
    private Intent redirect(String file, String destination, NotFoundHandling nf, boolean redirects) {
        if (!redirects) return null;
        Asset f = files.get(file);
        if (f == null || files.get(destination) != null) return null;
        Intent there = resolve(destination, nf, false);
        return there instanceof Serve s && s.asset().etag().equals(f.etag()) ? new Redirect(destination) : null;
    }

    private static String cut(String s, String suffix) {
        return s.substring(0, s.length() - suffix.length());
    }

    @SafeVarargs
    private static Intent or(Intent first, java.util.function.Supplier<Intent>... rest) {
        if (first != null) return first;
        for (var s : rest) {
            Intent i = s.get();
            if (i != null) return i;
        }
        return null;
    }
}
