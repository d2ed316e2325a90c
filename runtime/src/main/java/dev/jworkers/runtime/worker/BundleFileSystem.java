package dev.jworkers.runtime.worker;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.graalvm.polyglot.io.FileSystem;

import dev.jworkers.runtime.config.ModuleRule;

/**
 * The only file system a Worker's Context sees: the bundle directory, read-only, mounted at "/".
 * Module imports resolve through it; nothing outside the bundle can be named (".." stops at the root,
 * symlinks out of the bundle are refused). Data files are served as generated modules
 * ({@link ModuleTypes}). Contents are cached: every shard's Context loads the same bytes.
 */
public final class BundleFileSystem implements FileSystem {
    private static final Path SLASH = Path.of("/");
    /** Where {@code import ... from 'cloudflare:workers'} lands: a module served from the host, not the bundle. */
    static final Path CLOUDFLARE_WORKERS = Path.of("/cloudflare:workers");
    private static final byte[] CLOUDFLARE_WORKERS_SOURCE = """
            const m = globalThis[Symbol.for('cloudflare:workers')];
            export const { RpcTarget, RpcStub, WorkerEntrypoint, DurableObject, env, waitUntil } = m;
            """.getBytes(StandardCharsets.UTF_8);
    private final Path root;
    private final List<ModuleRule> rules;
    private final Map<Path, byte[]> cache = new ConcurrentHashMap<>();

    public BundleFileSystem(Path root) {
        this(root, ModuleRule.DEFAULTS);
    }

    public BundleFileSystem(Path root, List<ModuleRule> rules) {
        this.rules = rules;
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("bundle root " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() { return root; }

    /** The virtual path of a real file inside the bundle, e.g. {@code /src/index.js}. */
    public String virtualPath(Path real) {
        Path rel = root.relativize(real.toAbsolutePath().normalize());
        return "/" + rel.toString().replace('\\', '/');
    }

    /** The real file behind a virtual path, or an exception if it would leave the bundle. */
    Path real(Path virtual) throws IOException {
        Path v = SLASH.resolve(virtual).normalize();
        Path r = root.resolve(SLASH.relativize(v).toString()).normalize();
        if (!r.startsWith(root)) throw new AccessDeniedException(virtual.toString(), null, "outside the Worker bundle");
        if (Files.exists(r) && !r.toRealPath().startsWith(root)) {
            throw new AccessDeniedException(virtual.toString(), null, "links outside the Worker bundle");
        }
        return r;
    }

    /** The bytes a Context reads for a virtual path: the file, or its generated module. */
    public byte[] read(Path virtual) throws IOException {
        Path v = SLASH.resolve(virtual).normalize();
        if (v.equals(CLOUDFLARE_WORKERS)) return CLOUDFLARE_WORKERS_SOURCE;
        byte[] cached = cache.get(v);
        if (cached != null) return cached;
        Path r = real(v);
        if (!Files.isRegularFile(r)) throw new NoSuchFileException(v.toString());
        byte[] bytes = Files.readAllBytes(r);
        ModuleRule.Type type = typeOf(v);
        if (type != null && type != ModuleRule.Type.ESModule) bytes = ModuleTypes.toModule(type, bytes);
        cache.put(v, bytes);
        return bytes;
    }

    @Override public Path parsePath(URI uri) {
        if ("cloudflare".equals(uri.getScheme()) && "workers".equals(uri.getSchemeSpecificPart())) return CLOUDFLARE_WORKERS;
        if (!"file".equals(uri.getScheme())) throw new UnsupportedOperationException("only file: URIs name modules");
        return Path.of(uri.getPath());
    }

    @Override public Path parsePath(String path) { return Path.of(path); }

    @Override public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new AccessDeniedException(path.toString(), null, "the Worker bundle is read-only");
        }
        if (SLASH.resolve(path).normalize().equals(CLOUDFLARE_WORKERS)) return;
        if (!Files.exists(real(path))) throw new NoSuchFileException(path.toString());
    }

    @Override public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "the Worker bundle is read-only");
    }

    @Override public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "the Worker bundle is read-only");
    }

    @Override public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ) throw new AccessDeniedException(path.toString(), null, "the Worker bundle is read-only");
        }
        return new BytesChannel(read(path));
    }

    @Override public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "listing the Worker bundle is not allowed");
    }

    /** The module type the rules give a virtual path (null: no rule matches, plain JS). */
    ModuleRule.Type typeOf(Path virtual) {
        String rel = SLASH.relativize(SLASH.resolve(virtual).normalize()).toString().replace('\\', '/');
        return ModuleRule.typeOf(rules, rel);
    }

    /** Data files are served as generated ES modules, so they must not be typed by their extension. */
    @Override public String getMimeType(Path path) {
        if (SLASH.resolve(path).normalize().equals(CLOUDFLARE_WORKERS)) return "application/javascript+module";
        ModuleRule.Type type = typeOf(path);
        return type != null && type != ModuleRule.Type.ESModule ? "application/javascript+module" : null;
    }

    @Override public Path toAbsolutePath(Path path) { return SLASH.resolve(path); }

    @Override public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        Path v = SLASH.resolve(path).normalize();
        if (v.equals(CLOUDFLARE_WORKERS)) return v;
        real(v);
        return v;
    }

    @Override public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path r = real(path);
        if (!Files.exists(r)) throw new NoSuchFileException(path.toString());
        return Files.readAttributes(r, attributes, options);
    }

    /** A read-only channel over bytes already in memory. */
    private static final class BytesChannel implements SeekableByteChannel {
        private final byte[] data;
        private int pos;
        private boolean open = true;

        BytesChannel(byte[] data) { this.data = data; }

        @Override public int read(ByteBuffer dst) {
            if (pos >= data.length) return -1;
            int n = Math.min(dst.remaining(), data.length - pos);
            dst.put(data, pos, n);
            pos += n;
            return n;
        }
        @Override public int write(ByteBuffer src) { throw new NonWritableChannelException(); }
        @Override public long position() { return pos; }
        @Override public SeekableByteChannel position(long p) { pos = (int) Math.min(p, data.length); return this; }
        @Override public long size() { return data.length; }
        @Override public SeekableByteChannel truncate(long size) { throw new NonWritableChannelException(); }
        @Override public boolean isOpen() { return open; }
        @Override public void close() { open = false; }
    }
}
