package dev.jworkers.cluster.capnp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;
import org.capnproto.ReaderOptions;

/**
 * Cap'n Proto's standard stream framing: (segment count - 1) as a little-endian u32, each
 * segment's size in words as a u32, padding to 8 bytes, then the segments.
 */
public final class Framing {
  /** Limits that keep a hostile peer from making us allocate without bound. */
  public static final int MAX_SEGMENTS = 512;
  public static final long MAX_WORDS = 8L * 1024 * 1024; // 64 MiB

  private Framing() {}

  /** The framed bytes of a message. */
  public static ByteBuf encode(MessageBuilder message, ByteBufAllocator alloc) {
    ByteBuffer[] segments = message.getSegmentsForOutput();
    int tableBytes = (4 * (segments.length + 1) + 7) & ~7;
    int total = tableBytes;
    for (ByteBuffer s : segments) {
      total += s.remaining();
    }
    ByteBuf out = alloc.buffer(total);
    out.writeIntLE(segments.length - 1);
    for (ByteBuffer s : segments) {
      out.writeIntLE(s.remaining() / 8);
    }
    if (segments.length % 2 == 0) {
      out.writeIntLE(0);
    }
    for (ByteBuffer s : segments) {
      out.writeBytes(s.duplicate());
    }
    return out;
  }

  /** A reader over a framed message held in memory (tests, local delivery). */
  public static MessageReader decode(ByteBuf in) {
    List<Object> out = new java.util.ArrayList<>(1);
    new Decoder().decodeOne(in, out);
    if (out.isEmpty()) {
      throw new CorruptedFrameException("incomplete Cap'n Proto message");
    }
    return (MessageReader) out.get(0);
  }

  /** A locally built message read back without copying (local calls and returns). */
  public static MessageReader reader(MessageBuilder message) {
    ByteBuffer[] segments = message.getSegmentsForOutput();
    for (int i = 0; i < segments.length; i++) {
      segments[i] = segments[i].slice().order(ByteOrder.LITTLE_ENDIAN);
    }
    return new MessageReader(segments, new ReaderOptions(MAX_WORDS, 64));
  }

  /** Turns framed bytes into {@link MessageReader}s; a malformed table closes the stream. */
  public static final class Decoder extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      while (decodeOne(in, out)) {
        // one message per turn of the loop
      }
    }

    boolean decodeOne(ByteBuf in, List<Object> out) {
      if (in.readableBytes() < 8) {
        return false;
      }
      int start = in.readerIndex();
      long count = in.getUnsignedIntLE(start) + 1;
      if (count > MAX_SEGMENTS) {
        throw new CorruptedFrameException("Cap'n Proto message with " + count + " segments (limit " + MAX_SEGMENTS + ")");
      }
      int tableBytes = (int) ((4 * (count + 1) + 7) & ~7);
      if (in.readableBytes() < tableBytes) {
        return false;
      }
      long words = 0;
      int[] sizes = new int[(int) count];
      for (int i = 0; i < count; i++) {
        long w = in.getUnsignedIntLE(start + 4 + 4 * i);
        words += w;
        if (words > MAX_WORDS) {
          throw new CorruptedFrameException("Cap'n Proto message larger than " + MAX_WORDS + " words");
        }
        sizes[i] = (int) w;
      }
      if (in.readableBytes() < tableBytes + words * 8) {
        return false;
      }
      in.skipBytes(tableBytes);
      ByteBuffer[] segments = new ByteBuffer[(int) count];
      for (int i = 0; i < count; i++) {
        byte[] bytes = new byte[sizes[i] * 8];
        in.readBytes(bytes);
        segments[i] = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      }
      out.add(new MessageReader(segments, new ReaderOptions(MAX_WORDS, 64)));
      return true;
    }
  }
}
