package dev.jworkers.cluster.capnp;

import org.capnproto.Data;
import org.capnproto.SegmentBuilder;
import org.capnproto.StructBuilder;
import org.capnproto.Text;

/** Base of our hand-written struct builders, with capability pointers the runtime cannot write. */
public class WireBuilder extends StructBuilder {
  public WireBuilder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
    super(segment, data, pointers, dataSize, pointerCount);
  }

  /** Writes a capability pointer to table index {@code capIndex} into pointer field {@code index}. */
  public final void setCap(int index, int capIndex) {
    _clearPointerField(index);
    segment.put(pointers + index, ((long) capIndex << 32) | 3L);
  }

  public final <B extends WireBuilder> B initStruct(int index, StructType<B, ?> type) {
    return _initPointerField(type, index, 0);
  }

  public final <B extends WireBuilder> B getStruct(int index, StructType<B, ?> type) {
    return _getPointerField(type, index);
  }

  public final void setText(int index, String value) {
    _setPointerField(Text.factory, index, new Text.Reader(value));
  }

  public final void setData(int index, byte[] value) {
    _setPointerField(Data.factory, index, new Data.Reader(value));
  }

  public final void setData(int index, byte[] value, int offset, int length) {
    Data.Builder out = _initPointerField(Data.factory, index, length);
    out.buffer.put(out.offset, value, offset, length);
  }

  public final <T> T initList(int index, org.capnproto.FromPointerBuilder<T> factory, int size) {
    return _initPointerField(factory, index, size);
  }

  public final void setU32(int index, int value) {
    _setIntField(index, value);
  }

  public final void setU16(int index, int value) {
    _setShortField(index, (short) value);
  }

  public final void setU64(int index, long value) {
    _setLongField(index, value);
  }

  public final void setBool(int bit, boolean value) {
    _setBooleanField(bit, value);
  }

  public final void clearPointer(int index) {
    _clearPointerField(index);
  }

  /** Pointer field {@code index} as an AnyPointer, e.g. a Payload's content. */
  public final org.capnproto.AnyPointer.Builder any(int index) {
    return _getPointerField(org.capnproto.AnyPointer.factory, index);
  }

  /** The same struct as a reader (for delivering a locally built message). */
  public final WireReader asWireReader() {
    return new WireReader(segment, data, pointers, dataSize, pointerCount, Integer.MAX_VALUE);
  }
}
