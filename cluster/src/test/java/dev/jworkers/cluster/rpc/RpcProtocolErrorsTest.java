package dev.jworkers.cluster.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.capnp.Framing;
import dev.jworkers.cluster.rpc.wire.Rpc;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A peer that breaks the protocol is answered (or cut off) and nobody else notices. */
class RpcProtocolErrorsTest {
  final RpcTestNet net = new RpcTestNet();
  InetSocketAddress address;

  @BeforeEach
  void start() throws Exception {
    address = (InetSocketAddress) net.listen(null, () -> Client.local(new EchoNode()));
  }

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void aCallToAnUnknownExportGetsAnExceptionAndTheConnectionLives() throws Exception {
    try (Socket s = connect()) {
      MessageBuilder m = new MessageBuilder();
      Rpc.Call.Builder call = m.initRoot(Rpc.Message.TYPE).initCall();
      call.setQuestionId(0);
      call.initTarget().setImportedCap(99);
      call.initParams();
      write(s, m);
      Rpc.Message.Reader answer = read(s).getRoot(Rpc.Message.TYPE);
      assertEquals(Rpc.Message.RETURN, answer.which());
      assertEquals(Rpc.Return.EXCEPTION, answer.ret().which());
      assertTrue(answer.ret().exception().reason().contains("99"), answer.ret().exception().reason());
      // Still usable: bootstrap works.
      MessageBuilder b = new MessageBuilder();
      b.initRoot(Rpc.Message.TYPE).initBootstrap().setQuestionId(1);
      write(s, b);
      Rpc.Message.Reader boot = read(s).getRoot(Rpc.Message.TYPE);
      assertEquals(Rpc.Return.RESULTS, boot.ret().which());
      assertEquals(1, boot.ret().answerId());
    }
  }

  @Test
  void aMessageKindWeDoNotHandleIsEchoedAsUnimplemented() throws Exception {
    try (Socket s = connect()) {
      MessageBuilder m = new MessageBuilder();
      Rpc.Message.Builder root = m.initRoot(Rpc.Message.TYPE);
      root.setU16(0, Rpc.Message.JOIN);
      root.initStruct(0, Rpc.Bootstrap.TYPE).setQuestionId(5);
      write(s, m);
      Rpc.Message.Reader echo = read(s).getRoot(Rpc.Message.TYPE);
      assertEquals(Rpc.Message.UNIMPLEMENTED, echo.which());
      assertEquals(Rpc.Message.JOIN, echo.unimplemented().which());
    }
  }

  @Test
  void aProtocolViolationIsAbortedAndClosed() throws Exception {
    try (Socket s = connect()) {
      MessageBuilder m = new MessageBuilder();
      m.initRoot(Rpc.Message.TYPE).initFinish().setQuestionId(1234);
      write(s, m);
      Rpc.Message.Reader abort = read(s).getRoot(Rpc.Message.TYPE);
      assertEquals(Rpc.Message.ABORT, abort.which());
      assertTrue(abort.abort().reason().contains("1234"), abort.abort().reason());
      assertEquals(-1, s.getInputStream().read());
    }
    stillServes();
  }

  @Test
  void anOversizedSegmentTableClosesTheConnection() throws Exception {
    try (Socket s = connect()) {
      ByteBuffer table = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      table.putInt(100_000).putInt(1);
      s.getOutputStream().write(table.array());
      s.setSoTimeout(5000);
      InputStream in = s.getInputStream();
      // Whatever the server says first (an Abort), the stream then ends.
      while (in.read() != -1) {
        // drain
      }
    }
    stillServes();
  }

  private void stillServes() throws Exception {
    Client actor = ClusterCalls.getActor(net.connect(null).bootstrap(), "ns", "0".repeat(64), "").pipeline(0);
    byte[] out = ClusterCalls.call(actor, "ok", new byte[0]).get(5, java.util.concurrent.TimeUnit.SECONDS).value();
    assertEquals("ok:", new String(out, StandardCharsets.UTF_8));
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(address, 5000);
    s.setSoTimeout(5000);
    return s;
  }

  private static void write(Socket s, MessageBuilder m) throws IOException {
    s.getOutputStream().write(WireFormatTest.bytes(m));
  }

  private static MessageReader read(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] head = new byte[8];
    in.readFully(head);
    ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    int segments = h.getInt() + 1;
    int[] sizes = new int[segments];
    sizes[0] = h.getInt();
    int tableBytes = (4 * (segments + 1) + 7) & ~7;
    byte[] rest = new byte[tableBytes - 8];
    in.readFully(rest);
    ByteBuffer r = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
    long words = sizes[0];
    for (int i = 1; i < segments; i++) {
      sizes[i] = r.getInt();
      words += sizes[i];
    }
    byte[] body = new byte[(int) words * 8];
    in.readFully(body);
    return Framing.decode(Unpooled.wrappedBuffer(head, rest, body));
  }
}
