package dev.jworkers.cluster.capnp;

import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;
import org.capnproto.StructFactory;
import org.capnproto.StructSize;

/**
 * A struct's size and the constructors of its reader and builder: what generated code's factory
 * holds. Sizes come from the schema ({@code capnp compile -ocapnp} prints them).
 */
public final class StructType<B extends WireBuilder, R extends WireReader> extends StructFactory<B, R> {
  /** Builds a reader over the same words as a builder; builders extend {@link WireBuilder}. */
  public interface ReaderMaker<R> {
    R make(SegmentReader segment, int data, int pointers, int dataSize, short pointerCount, int nesting);
  }

  public interface BuilderMaker<B> {
    B make(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount);
  }

  private final StructSize size;
  private final ReaderMaker<R> reader;
  private final BuilderMaker<B> builder;

  /** {@code dataWords} 64-bit words of data and {@code pointers} pointers. */
  public StructType(int dataWords, int pointers, ReaderMaker<R> reader, BuilderMaker<B> builder) {
    this.size = new StructSize((short) dataWords, (short) pointers);
    this.reader = reader;
    this.builder = builder;
  }

  @Override
  public R constructReader(SegmentReader segment, int data, int pointers, int dataSize, short pointerCount, int nesting) {
    return reader.make(segment, data, pointers, dataSize, pointerCount, nesting);
  }

  @Override
  public B constructBuilder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
    return builder.make(segment, data, pointers, dataSize, pointerCount);
  }

  @Override
  public StructSize structSize() {
    return size;
  }

  @Override
  public R asReader(B b) {
    return ((WireBuilder) b).asWireReader().as(reader);
  }
}
