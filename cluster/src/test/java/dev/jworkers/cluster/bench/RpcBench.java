package dev.jworkers.cluster.bench;

import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.Pending;
import dev.jworkers.cluster.rpc.Response;
import dev.jworkers.cluster.rpc.RpcConnection;
import dev.jworkers.cluster.rpc.RpcHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cap'n Proto RPC round trips between two JVMs (this one and a {@link RpcBenchServer} child):
 * per transport (Unix socket, loopback TCP), one call at a time on a held actor ("call"),
 * getActor then call waiting in between ("two-step"), and the same two calls pipelined into one
 * round trip ("pipelined"). Prints one line per case: iterations/s, p50 and p99 in microseconds.
 *
 * <p>Arguments: seconds per case (default 10), warm-up seconds (default 5).
 */
public final class RpcBench {
  static final String ID = "ab".repeat(32);

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("rpc-bench");
    Path socket = dir.resolve("node.sock");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RpcBenchServer.class.getName(), socket.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      String line = new BufferedReader(new InputStreamReader(server.getInputStream())).readLine();
      int port = Integer.parseInt(line.split(" ")[1]);
      for (String transport : new String[] {"unix", "tcp"}) {
        SocketAddress address = transport.equals("unix") ? UnixDomainSocketAddress.of(socket) : new InetSocketAddress("127.0.0.1", port);
        RpcConnection connection = connect(group, address, transport.equals("unix"));
        Client node = connection.bootstrap();
        Client actor = ClusterCalls.getActor(node, "bench", ID, "").pipeline(0);
        for (String kind : new String[] {"call", "two-step", "pipelined"}) {
          run(kind, connection, node, actor, warmup);
          long[] latencies = run(kind, connection, node, actor, seconds);
          report(transport, kind, latencies, seconds);
        }
        connection.channel().close().sync();
      }
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(5, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  private static RpcConnection connect(EventLoopGroup group, SocketAddress address, boolean unix) throws InterruptedException {
    RpcConnection[] made = new RpcConnection[1];
    Bootstrap b = new Bootstrap().group(group).channel(unix ? NioDomainSocketChannel.class : NioSocketChannel.class);
    if (!unix) {
      b.option(io.netty.channel.ChannelOption.TCP_NODELAY, true);
    }
    b
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            made[0] = RpcHandler.install(ch, null);
          }
        }).connect(address).sync();
    return made[0];
  }

  /**
   * Back-to-back iterations for {@code seconds}, issued on the connection's event loop (as a node
   * whose shards share the loop would): each completion starts the next iteration.
   */
  private static long[] run(String kind, RpcConnection connection, Client node, Client actor, int seconds) throws Exception {
    byte[] args = new byte[16];
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CompletableFuture<long[]> done = new CompletableFuture<>();
    connection.channel().eventLoop().execute(new Runnable() {
      long[] latencies = new long[1 << 20];
      int n;
      long start;

      @Override
      public void run() {
        start = System.nanoTime();
        iteration(kind, node, actor, args).whenComplete((v, error) -> {
          if (error != null) {
            done.completeExceptionally(error);
            return;
          }
          long now = System.nanoTime();
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = now - start;
          if (now < end) {
            run();
          } else {
            done.complete(Arrays.copyOf(latencies, n));
          }
        });
      }
    });
    return done.get(seconds + 30L, TimeUnit.SECONDS);
  }

  private static CompletableFuture<?> iteration(String kind, Client node, Client actor, byte[] args) {
    return switch (kind) {
      case "call" -> ClusterCalls.call(actor, "ping", args);
      case "two-step" -> ClusterCalls.getActor(node, "bench", ID, "").response().thenCompose(got -> {
        Client a = got.cap(0);
        got.close();
        return ClusterCalls.call(a, "ping", args).whenComplete((r, e) -> a.close());
      });
      default -> {
        Pending p = ClusterCalls.getActor(node, "bench", ID, "");
        Client a = p.pipeline(0);
        yield ClusterCalls.call(a, "ping", args).thenCompose(r -> {
          a.close();
          return p.response().thenAccept(Response::close);
        });
      }
    };
  }

  private static void report(String transport, String kind, long[] latencies, int seconds) {
    Arrays.sort(latencies);
    double perSecond = latencies.length / (double) seconds;
    System.out.printf("java %-5s %-10s %9.0f /s  p50 %6.1f us  p99 %6.1f us%n", transport, kind, perSecond,
        latencies[latencies.length / 2] / 1000.0, latencies[(int) (latencies.length * 0.99)] / 1000.0);
  }
}
