package dev.jworkers.cluster.rpc.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference {@code capnp} tool (Debian's capnproto, installed by tools/lib/ensure-capnp)
 * encoding and decoding rpc.capnp messages in its text format.
 */
public final class CapnpTool {
  private static final Path RPC_SCHEMA = Path.of("/usr/include/capnp/rpc.capnp");

  private CapnpTool() {}

  /** The tool and rpc.capnp, installed by {@link CppPeer#requireTools} (which skips with the reason if it cannot). */
  public static void require() {
    CppPeer.requireTools();
    if (!Files.exists(RPC_SCHEMA)) {
      throw new AssertionError("tools/lib/ensure-capnp succeeded but " + RPC_SCHEMA + " is missing");
    }
  }

  public static String decode(String type, byte[] framed) throws IOException, InterruptedException {
    return new String(run(List.of("decode", "-I/usr/include", RPC_SCHEMA.toString(), type), framed), StandardCharsets.UTF_8);
  }

  public static byte[] encode(String type, String text) throws IOException, InterruptedException {
    return run(List.of("encode", "-I/usr/include", RPC_SCHEMA.toString(), type), text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] run(List<String> args, byte[] input) throws IOException, InterruptedException {
    require();
    List<String> command = new java.util.ArrayList<>();
    command.add("capnp");
    command.addAll(args);
    Process p = new ProcessBuilder(command).start();
    try (var in = p.getOutputStream()) {
      in.write(input);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("capnp " + args.get(0) + " failed: " + err);
    }
    return out.toByteArray();
  }
}
