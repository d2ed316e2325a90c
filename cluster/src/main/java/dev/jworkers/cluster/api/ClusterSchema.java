package dev.jworkers.cluster.api;

import dev.jworkers.cluster.capnp.StructType;
import dev.jworkers.cluster.capnp.WireBuilder;
import dev.jworkers.cluster.capnp.WireReader;
import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;
import org.capnproto.StructList;

/**
 * cluster.capnp (in this module's resources) as interface ids, method numbers and struct
 * readers/builders. Layouts are what {@code capnp compile -ocapnp cluster.capnp} prints; a
 * method's params and results are structs of its argument lists.
 */
public final class ClusterSchema {
  private ClusterSchema() {}

  public static final long NODE = 0x96a14fc747b7cddcL;
  public static final long ACTOR = 0xe8d4b0ee37414bcaL;
  public static final long RESPONDER = 0xd42d2c8dc47920e9L;
  public static final long BYTE_STREAM = 0xebf91c42ea16b76bL;

  public static final int NODE_GET_ACTOR = 0;
  public static final int ACTOR_FETCH = 0;
  public static final int ACTOR_CALL = 1;
  public static final int RESPONDER_START = 0;
  public static final int BYTE_STREAM_WRITE = 0;
  public static final int BYTE_STREAM_END = 1;

  /** A struct of pointer fields only (most params and results here). */
  public static final class Ptrs extends WireReader {
    public Ptrs(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
  }

  public static final class PtrsBuilder extends WireBuilder {
    public PtrsBuilder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
  }

  /** getActor params (namespace, id, name): ptr[0..2]. */
  public static final StructType<PtrsBuilder, Ptrs> GET_ACTOR_PARAMS = new StructType<>(0, 3, Ptrs::new, PtrsBuilder::new);
  /** A single pointer: getActor results (actor), fetch results (requestBody), start params (response) and results (body), write params (bytes). */
  public static final StructType<PtrsBuilder, Ptrs> ONE_POINTER = new StructType<>(0, 1, Ptrs::new, PtrsBuilder::new);
  /** fetch params (request, responder) and call params (method, args): ptr[0..1]. */
  public static final StructType<PtrsBuilder, Ptrs> TWO_POINTERS = new StructType<>(0, 2, Ptrs::new, PtrsBuilder::new);
  /** call results: result ptr[0], threw bit 0. */
  public static final StructType<PtrsBuilder, Ptrs> CALL_RESULTS = new StructType<>(1, 1, Ptrs::new, PtrsBuilder::new);
  /** end() params/results and write's StreamResult. */
  public static final StructType<PtrsBuilder, Ptrs> EMPTY = new StructType<>(0, 0, Ptrs::new, PtrsBuilder::new);

  /** HttpRequest: method ptr[0], url ptr[1], headers ptr[2]. */
  public static final StructType<PtrsBuilder, Ptrs> HTTP_REQUEST = new StructType<>(0, 3, Ptrs::new, PtrsBuilder::new);
  /** HttpResponse: status u16 @0, statusText ptr[0], headers ptr[1]. */
  public static final StructType<PtrsBuilder, Ptrs> HTTP_RESPONSE = new StructType<>(1, 2, Ptrs::new, PtrsBuilder::new);
  /** Header: name ptr[0], value ptr[1]. */
  public static final StructType<PtrsBuilder, Ptrs> HEADER = new StructType<>(0, 2, Ptrs::new, PtrsBuilder::new);
  public static final StructList.Factory<PtrsBuilder, Ptrs> HEADERS = StructList.newFactory(HEADER);
}
