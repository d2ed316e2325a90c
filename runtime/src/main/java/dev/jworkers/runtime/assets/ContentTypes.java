package dev.jworkers.runtime.assets;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type of an asset, from its file extension, as wrangler gives it when it uploads
 * assets: the registered media type for the extension, with {@code ; charset=utf-8} added to
 * {@code text/*} types; no Content-Type at all for an extension it does not know.
 */
final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    private static void add(String type, String... extensions) {
        for (String e : extensions) BY_EXTENSION.put(e, type);
    }

    static {
        // Text and documents.
        add("text/html", "html", "htm", "shtml");
        add("text/css", "css");
        add("text/javascript", "js", "mjs");
        add("text/plain", "txt", "text", "conf", "def", "list", "log", "in", "ini");
        add("text/markdown", "md", "markdown");
        add("text/csv", "csv");
        add("text/calendar", "ics", "ifb");
        add("text/vcard", "vcard");
        add("text/x-vcard", "vcf");
        add("text/vtt", "vtt");
        add("text/yaml", "yaml", "yml");
        add("text/xml", "xsl");
        add("text/mdx", "mdx");
        add("text/richtext", "rtx");
        add("text/tab-separated-values", "tsv");
        add("text/n3", "n3");
        add("text/jsx", "jsx");
        add("text/coffeescript", "coffee", "litcoffee");
        add("text/less", "less");
        add("text/x-scss", "scss");
        add("text/x-sass", "sass");
        add("text/stylus", "styl", "stylus");
        add("text/x-handlebars-template", "hbs");
        add("text/mathml", "mml");
        add("text/x-java-source", "java");
        add("text/x-c", "c", "cc", "cxx", "cpp", "h", "hh", "dic");
        add("text/x-asm", "s", "asm");
        add("text/x-org", "org");
        add("text/x-lua", "lua");
        add("text/x-component", "htc");
        add("text/cache-manifest", "appcache", "manifest");
        add("application/json", "json", "map");
        add("application/ld+json", "jsonld");
        add("application/manifest+json", "webmanifest");
        add("application/geo+json", "geojson");
        add("application/xml", "xml", "xsd", "rng");
        add("application/xhtml+xml", "xhtml", "xht");
        add("application/rss+xml", "rss");
        add("application/atom+xml", "atom");
        add("application/rtf", "rtf");
        add("application/pdf", "pdf");
        add("application/postscript", "ps", "ai", "eps");
        add("application/epub+zip", "epub");
        add("application/msword", "doc", "dot");
        add("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
        add("application/vnd.ms-excel", "xls", "xlm", "xla", "xlc", "xlt", "xlw");
        add("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        add("application/vnd.ms-powerpoint", "ppt", "pps", "pot");
        add("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
        add("application/vnd.oasis.opendocument.text", "odt");
        add("application/vnd.oasis.opendocument.spreadsheet", "ods");
        add("application/vnd.oasis.opendocument.presentation", "odp");
        // Code and binaries for the browser.
        add("application/wasm", "wasm");
        add("application/node", "cjs");
        add("application/octet-stream", "bin", "dms", "lrf", "mar", "so", "dist", "distz", "pkg", "bpk", "dump", "elc", "deploy",
                "exe", "dll", "deb", "dmg", "iso", "img", "msi", "msp", "msm", "buffer");
        add("application/zip", "zip");
        add("application/gzip", "gz");
        add("application/x-tar", "tar");
        add("application/x-bzip2", "bz2", "boz");
        add("application/x-7z-compressed", "7z");
        add("application/vnd.rar", "rar");
        add("application/x-sh", "sh");
        add("application/x-httpd-php", "php");
        add("application/java-archive", "jar", "war", "ear");
        add("application/x-shockwave-flash", "swf");
        add("application/sql", "sql");
        add("application/toml", "toml");
        add("application/graphql", "graphql");
        add("application/x-x509-ca-cert", "der", "crt", "pem");
        add("application/pgp-signature", "sig", "asc");
        add("application/mp4", "mp4s", "m4p");
        add("application/ogg", "ogx");
        // Images.
        add("image/png", "png");
        add("image/apng", "apng");
        add("image/jpeg", "jpg", "jpeg", "jpe");
        add("image/gif", "gif");
        add("image/webp", "webp");
        add("image/avif", "avif");
        add("image/svg+xml", "svg", "svgz");
        add("image/vnd.microsoft.icon", "ico");
        add("image/bmp", "bmp", "dib");
        add("image/tiff", "tif", "tiff");
        add("image/heic", "heic");
        add("image/heif", "heif");
        add("image/jxl", "jxl");
        add("image/jp2", "jp2", "jpg2");
        add("image/x-icns", "icns");
        // Fonts.
        add("font/woff", "woff");
        add("font/woff2", "woff2");
        add("font/ttf", "ttf");
        add("font/otf", "otf");
        add("font/collection", "ttc");
        add("application/vnd.ms-fontobject", "eot");
        // Audio and video.
        add("audio/mpeg", "mp3", "mpga", "mp2", "mp2a", "m2a", "m3a");
        add("audio/wav", "wav");
        add("audio/ogg", "oga", "ogg", "spx", "opus");
        add("audio/aac", "aac");
        add("audio/flac", "flac");
        add("audio/mp4", "m4a", "mp4a");
        add("audio/webm", "weba");
        add("audio/midi", "mid", "midi", "kar", "rmi");
        add("video/mp4", "mp4", "mp4v", "mpg4");
        add("video/webm", "webm");
        add("video/ogg", "ogv");
        add("video/mpeg", "mpeg", "mpg", "mpe", "m1v", "m2v");
        add("video/quicktime", "qt", "mov");
        add("video/x-msvideo", "avi");
        add("video/x-matroska", "mkv", "mk3d", "mks");
        add("video/mp2t", "ts", "m2t", "m2ts", "mts");
        add("video/x-flv", "flv");
        add("video/3gpp", "3gp", "3gpp");
        add("application/vnd.apple.mpegurl", "m3u8");
        add("application/dash+xml", "mpd");
        add("model/gltf+json", "gltf");
        add("model/gltf-binary", "glb");
    }

    private ContentTypes() {}

    /**
     * The Content-Type header for a file named {@code fileName}, or null when it has no extension
     * (a dot file such as {@code .html} has none) or an unknown one.
     */
    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) return null;
        return withCharset(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private static String withCharset(String type) {
        if (type == null) return null;
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }
}
