package dev.jworkers.cluster.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jworkers.cluster.api.ClusterSchema;
import dev.jworkers.cluster.capnp.Framing;
import dev.jworkers.cluster.rpc.interop.CapnpTool;
import dev.jworkers.cluster.rpc.wire.Rpc;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;
import org.capnproto.StructList;
import org.junit.jupiter.api.Test;

/**
 * Our hand-written rpc.capnp layouts checked against the reference: messages we build are
 * decoded by the {@code capnp} tool with the real schema, and messages it encodes are read by us.
 */
class WireFormatTest {
  @Test
  void aCallWeBuildDecodesWithTheReferenceSchema() throws Exception {
    MessageBuilder m = new MessageBuilder();
    Rpc.Call.Builder call = m.initRoot(Rpc.Message.TYPE).initCall();
    call.setQuestionId(7);
    call.setInterfaceId(ClusterSchema.ACTOR);
    call.setMethodId(1);
    Rpc.PromisedAnswer.Builder target = call.initTarget().initPromisedAnswer();
    target.setQuestionId(3);
    target.setPath(new int[] {0, 2});
    Rpc.Payload.Builder params = call.initParams();
    ClusterSchema.PtrsBuilder content = params.any(0).initAs(ClusterSchema.TWO_POINTERS);
    content.setText(0, "greet");
    content.setCap(1, 1);
    StructList.Builder<Rpc.CapDescriptor.Builder> caps = params.initCapTable(2);
    caps.get(0).setSenderHosted(5);
    Rpc.PromisedAnswer.Builder answer = caps.get(1).initReceiverAnswer();
    answer.setQuestionId(9);
    answer.setPath(new int[] {1});
    String text = CapnpTool.decode("Message", bytes(m));
    String flat = text.replaceAll("\\s+", "");
    for (String expected : List.of("questionId = 7", "interfaceId = " + Long.toUnsignedString(ClusterSchema.ACTOR),
        "methodId = 1", "target = (promisedAnswer = (questionId = 3, transform = [(getPointerField = 0), (getPointerField = 2)]))",
        "(senderHosted = 5, attachedFd = 255)", "(receiverAnswer = (questionId = 9, transform = [(getPointerField = 1)]), attachedFd = 255)",
        "sendResultsTo = (caller = void)")) {
      if (!flat.contains(expected.replaceAll("\\s+", ""))) {
        throw new AssertionError("missing " + expected + " in:\n" + text);
      }
    }
  }

  @Test
  void aReturnTheReferenceEncodesReadsBack() throws Exception {
    MessageReader r = read(CapnpTool.encode("Message",
        "(return = (answerId = 9, releaseParamCaps = false, exception = (reason = \"no such method\", type = unimplemented)))"));
    Rpc.Message.Reader m = r.getRoot(Rpc.Message.TYPE);
    assertEquals(Rpc.Message.RETURN, m.which());
    Rpc.Return.Reader ret = m.ret();
    assertEquals(9, ret.answerId());
    assertFalse(ret.releaseParamCaps());
    assertEquals(Rpc.Return.EXCEPTION, ret.which());
    assertEquals("no such method", ret.exception().reason());
    assertEquals(Rpc.Exception.UNIMPLEMENTED, ret.exception().type());
  }

  @Test
  void theDefaultsThatAreTrueReadAsTrue() throws Exception {
    MessageReader r = read(CapnpTool.encode("Message", "(finish = (questionId = 4))"));
    Rpc.Finish.Reader f = r.getRoot(Rpc.Message.TYPE).finish();
    assertEquals(4, f.questionId());
    assertEquals(true, f.releaseResultCaps());
    MessageReader d = read(CapnpTool.encode("Message", "(disembargo = (target = (importedCap = 6), context = (receiverLoopback = 11)))"));
    Rpc.Disembargo.Reader dis = d.getRoot(Rpc.Message.TYPE).disembargo();
    assertEquals(Rpc.Disembargo.RECEIVER_LOOPBACK, dis.which());
    assertEquals(11, dis.embargoId());
    assertEquals(6, dis.target().importedCap());
  }

  @Test
  void framingRoundTripsAMultiSegmentMessage() {
    MessageBuilder m = new MessageBuilder(8);
    Rpc.Call.Builder call = m.initRoot(Rpc.Message.TYPE).initCall();
    byte[] big = new byte[100_000];
    big[99_999] = 42;
    call.initParams().any(0).initAs(ClusterSchema.ONE_POINTER).setData(0, big);
    org.junit.jupiter.api.Assertions.assertTrue(m.getSegmentsForOutput().length > 1);
    ByteBuf framed = Framing.encode(m, ByteBufAllocator.DEFAULT);
    MessageReader back = Framing.decode(framed);
    framed.release();
    assertArrayEquals(big, back.getRoot(Rpc.Message.TYPE).call().params().any(0).getAs(ClusterSchema.ONE_POINTER).data(0));
  }

  static byte[] bytes(MessageBuilder m) {
    ByteBuf framed = Framing.encode(m, ByteBufAllocator.DEFAULT);
    byte[] out = new byte[framed.readableBytes()];
    framed.readBytes(out);
    framed.release();
    return out;
  }

  static MessageReader read(byte[] framed) {
    return Framing.decode(Unpooled.wrappedBuffer(framed));
  }
}
