package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

import dev.jworkers.cluster.node.NodeIdentity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Unix mode: a node's entry is the Unix socket its transport listens on. A peer is alive while a
 * connection to its socket is accepted (or queued); a refused connection, which is also what a
 * leftover socket of a killed process or a non-socket file gives, means dead. Probes connect and
 * close at once, so transports must tolerate empty connections.
 */
public final class UnixRegistry extends Registry {
  /** sun_path holds 108 bytes including the terminating NUL. */
  private static final int MAX_SOCKET_PATH = 107;

  private enum Reach { ALIVE, REFUSED, MISSING }

  private Long announcedInode;

  UnixRegistry(Path sharedDir, String registryName, NodeIdentity me, RegistryOptions options) throws IOException {
    super(sharedDir, registryName, me, options);
  }

  /**
   * Call before binding the node's server socket: fails when a live process already listens at
   * {@link #entryPath()} (the same node id twice) or the path is too long for a socket, removes a
   * dead leftover, and returns the path to bind.
   */
  public synchronized Path prepareEntry() throws IOException {
    Path entry = entryPath();
    if (entry.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
      throw new IOException("the registry entry path is longer than a Unix socket allows (" + MAX_SOCKET_PATH
          + " bytes); use a shorter shared directory: " + entry);
    }
    Long inode = inode(entry);
    switch (reach(entry)) {
      case ALIVE -> throw new IOException("a live process already listens at " + entry + " (this node id runs twice?)");
      case REFUSED -> removeIfSame(entry, inode);
      case MISSING -> { }
    }
    return entry;
  }

  /** Call once the transport listens at {@link #entryPath()}: starts watching the entry. */
  public synchronized void announce() throws IOException {
    if (isAnnounced()) {
      throw new IllegalStateException("already announced");
    }
    Path entry = entryPath();
    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
    if (!attributes.isOther()) {
      throw new IOException(entry + " is not a socket; bind the node's server socket there first");
    }
    announcedInode = inode(entry);
    announced();
  }

  @Override
  Probe probe(String nodeId, long expires) throws IOException {
    Path entry = dir.resolve(nodeId);
    Long inode = inode(entry);
    Reach reach = inode == null ? Reach.MISSING : reach(entry);
    if (reach == Reach.REFUSED) {
      removeIfSame(entry, inode);
    }
    return new Probe(reach == Reach.ALIVE, new PeerAddress.Unix(entry), expires);
  }

  /** Connects without blocking: accepted or queued is alive, refused is dead. */
  private static Reach reach(Path socket) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.configureBlocking(false);
      channel.connect(UnixDomainSocketAddress.of(socket));
      return Reach.ALIVE;
    } catch (ConnectException e) {
      return Reach.REFUSED;
    } catch (SocketException e) {
      // ENOENT if the entry vanished meanwhile; otherwise e.g. EAGAIN, a full backlog: a live listener.
      return Files.exists(socket) ? Reach.ALIVE : Reach.MISSING;
    }
  }

  @Override
  synchronized String checkOwnEntry() throws IOException {
    if (announcedInode == null || isClosed()) {
      return null;
    }
    Long now = inode(entryPath());
    if (now == null) {
      return "our registry entry " + entryPath() + " was removed";
    }
    if (!now.equals(announcedInode)) {
      return "our registry entry " + entryPath() + " was replaced by another file";
    }
    return null;
  }

  @Override
  PeerAddress selfAddress() {
    return new PeerAddress.Unix(entryPath());
  }

  @Override
  synchronized void removeOwnEntry() throws IOException {
    removeIfSame(entryPath(), announcedInode);
  }
}
