package dev.jworkers.cluster.capnp;

import org.capnproto.SegmentReader;
import org.capnproto.StructReader;
import org.capnproto.Text;

/**
 * Base of our hand-written struct readers: the runtime's field access plus what it lacks,
 * capability pointers (pointer kind "other"), which the runtime cannot read.
 */
public class WireReader extends StructReader {
  /** Any struct, for walking pointer paths (promise pipelining) without knowing the type. */
  public static final StructType<WireBuilder, WireReader> ANY =
      new StructType<>(0, 0, WireReader::new, WireBuilder::new);

  public WireReader(SegmentReader segment, int data, int pointers, int dataSize, short pointerCount, int nesting) {
    super(segment, data, pointers, dataSize, pointerCount, nesting);
  }

  /** The same words read through another struct type's reader. */
  public final <R> R as(StructType.ReaderMaker<R> maker) {
    return maker.make(segment, data, pointers, dataSize, pointerCount, nestingLimit);
  }

  /** The capability table index in pointer field {@code index}, or -1 when it is null or absent. */
  public final int capIndex(int index) {
    if (index >= pointerCount) {
      return -1;
    }
    long word = segment.get(pointers + index);
    if (word == 0) {
      return -1;
    }
    if ((word & 3) != 3 || (word & 0xFFFFFFFCL) != 0) {
      throw new IllegalArgumentException("pointer field " + index + " holds no capability");
    }
    return (int) (word >>> 32);
  }

  /** Pointer field {@code index} read as a struct of any type (empty when null). */
  public final WireReader struct(int index) {
    return _getPointerField(ANY, index);
  }

  public final <T extends WireReader> T struct(int index, StructType<?, T> type) {
    return _getPointerField(type, index);
  }

  public final String text(int index) {
    return _getPointerField(Text.factory, index, null, 0, 0).toString();
  }

  public final byte[] data(int index) {
    return _getPointerField(org.capnproto.Data.factory, index, null, 0, 0).toArray();
  }

  public final int u32(int index) {
    return _getIntField(index);
  }

  public final int u16(int index) {
    return _getShortField(index) & 0xFFFF;
  }

  public final long u64(int index) {
    return _getLongField(index);
  }

  public final boolean bool(int bit) {
    return _getBooleanField(bit);
  }

  /** A field by its pointer index as the runtime's typed reader. */
  public final <T> T pointer(org.capnproto.FromPointerReader<T> factory, int index) {
    return _getPointerField(factory, index);
  }

  /** The pointer section as an AnyPointer, e.g. a Payload's content. */
  public final org.capnproto.AnyPointer.Reader any(int index) {
    return _getPointerField(org.capnproto.AnyPointer.factory, index);
  }
}
