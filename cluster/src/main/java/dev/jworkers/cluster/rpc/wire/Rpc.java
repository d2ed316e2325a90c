package dev.jworkers.cluster.rpc.wire;

import dev.jworkers.cluster.capnp.StructType;
import dev.jworkers.cluster.capnp.WireBuilder;
import dev.jworkers.cluster.capnp.WireReader;
import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;
import org.capnproto.StructList;

/**
 * The structs of Cap'n Proto's rpc.capnp (level 1) as readers and builders. Field positions are
 * the schema's layout as {@code capnp compile -ocapnp rpc.capnp} prints it: data fields by index
 * in units of their own size, booleans by bit, pointers by slot. Defaults of {@code true} are
 * stored inverted, as the encoding requires.
 */
public final class Rpc {
  private Rpc() {}

  /** Message: a union over ptr[0], tag in bits [0, 16). */
  public static final class Message {
    public static final int UNIMPLEMENTED = 0, ABORT = 1, CALL = 2, RETURN = 3, FINISH = 4, RESOLVE = 5,
        RELEASE = 6, OBSOLETE_SAVE = 7, BOOTSTRAP = 8, OBSOLETE_DELETE = 9, PROVIDE = 10, ACCEPT = 11,
        JOIN = 12, DISEMBARGO = 13;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int which() { return u16(0); }
      public Message.Reader unimplemented() { return struct(0, Message.TYPE); }
      public Exception.Reader abort() { return struct(0, Exception.TYPE); }
      public Bootstrap.Reader bootstrap() { return struct(0, Bootstrap.TYPE); }
      public Call.Reader call() { return struct(0, Call.TYPE); }
      public Return.Reader ret() { return struct(0, Return.TYPE); }
      public Finish.Reader finish() { return struct(0, Finish.TYPE); }
      public Resolve.Reader resolve() { return struct(0, Resolve.TYPE); }
      public Release.Reader release() { return struct(0, Release.TYPE); }
      public Disembargo.Reader disembargo() { return struct(0, Disembargo.TYPE); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      private <B extends WireBuilder> B init(int which, StructType<B, ?> type) { setU16(0, which); return initStruct(0, type); }
      public Exception.Builder initAbort() { return init(ABORT, Exception.TYPE); }
      public Bootstrap.Builder initBootstrap() { return init(BOOTSTRAP, Bootstrap.TYPE); }
      public Call.Builder initCall() { return init(CALL, Call.TYPE); }
      public Return.Builder initReturn() { return init(RETURN, Return.TYPE); }
      public Finish.Builder initFinish() { return init(FINISH, Finish.TYPE); }
      public Resolve.Builder initResolve() { return init(RESOLVE, Resolve.TYPE); }
      public Release.Builder initRelease() { return init(RELEASE, Release.TYPE); }
      public Disembargo.Builder initDisembargo() { return init(DISEMBARGO, Disembargo.TYPE); }
      /** An Unimplemented echo of a message we do not handle (a copy; it holds no capabilities). */
      public void setUnimplemented(Message.Reader echo) { setU16(0, UNIMPLEMENTED); _setPointerField(Message.TYPE, 0, echo); }
      public Call.Builder getCall() { return getStruct(0, Call.TYPE); }
      public Return.Builder getReturn() { return getStruct(0, Return.TYPE); }
    }
  }

  /** Bootstrap: questionId u32 @0, deprecatedObjectId ptr[0]. */
  public static final class Bootstrap {
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int questionId() { return u32(0); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setQuestionId(int id) { setU32(0, id); }
    }
  }

  /**
   * Call: questionId u32 @0, methodId u16 @2, sendResultsTo tag u16 @3, interfaceId u64 @1,
   * allowThirdPartyTailCall bit 128; target ptr[0], params ptr[1], sendResultsTo.thirdParty ptr[2].
   */
  public static final class Call {
    public static final int SEND_TO_CALLER = 0, SEND_TO_YOURSELF = 1, SEND_TO_THIRD_PARTY = 2;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(3, 3, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int questionId() { return u32(0); }
      public MessageTarget.Reader target() { return struct(0, MessageTarget.TYPE); }
      public long interfaceId() { return u64(1); }
      public int methodId() { return u16(2); }
      public Payload.Reader params() { return struct(1, Payload.TYPE); }
      public int sendResultsTo() { return u16(3); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setQuestionId(int id) { setU32(0, id); }
      public MessageTarget.Builder initTarget() { return initStruct(0, MessageTarget.TYPE); }
      public void setInterfaceId(long id) { setU64(1, id); }
      public void setMethodId(int id) { setU16(2, id); }
      public Payload.Builder initParams() { return initStruct(1, Payload.TYPE); }
      public Payload.Builder params() { return getStruct(1, Payload.TYPE); }
    }
  }

  /**
   * Return: answerId u32 @0, releaseParamCaps bit 32 (default true), tag u16 @3,
   * takeFromOtherQuestion u32 @2; results / exception / acceptFromThirdParty ptr[0].
   */
  public static final class Return {
    public static final int RESULTS = 0, EXCEPTION = 1, CANCELED = 2, RESULTS_SENT_ELSEWHERE = 3,
        TAKE_FROM_OTHER_QUESTION = 4, ACCEPT_FROM_THIRD_PARTY = 5;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(2, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int answerId() { return u32(0); }
      public boolean releaseParamCaps() { return !bool(32); }
      public int which() { return u16(3); }
      public Payload.Reader results() { return struct(0, Payload.TYPE); }
      public Exception.Reader exception() { return struct(0, Exception.TYPE); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setAnswerId(int id) { setU32(0, id); }
      public void setReleaseParamCaps(boolean v) { setBool(32, !v); }
      public Payload.Builder initResults() { setU16(3, RESULTS); return initStruct(0, Payload.TYPE); }
      public Exception.Builder initException() { setU16(3, EXCEPTION); return initStruct(0, Exception.TYPE); }
      public Payload.Builder results() { return getStruct(0, Payload.TYPE); }
    }
  }

  /** Finish: questionId u32 @0, releaseResultCaps bit 32 (default true). */
  public static final class Finish {
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 0, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int questionId() { return u32(0); }
      public boolean releaseResultCaps() { return !bool(32); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setQuestionId(int id) { setU32(0, id); }
      public void setReleaseResultCaps(boolean v) { setBool(32, !v); }
    }
  }

  /** Resolve: promiseId u32 @0, tag u16 @2; cap / exception ptr[0]. */
  public static final class Resolve {
    public static final int CAP = 0, EXCEPTION = 1;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int promiseId() { return u32(0); }
      public int which() { return u16(2); }
      public CapDescriptor.Reader cap() { return struct(0, CapDescriptor.TYPE); }
      public Exception.Reader exception() { return struct(0, Exception.TYPE); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setPromiseId(int id) { setU32(0, id); }
      public CapDescriptor.Builder initCap() { setU16(2, CAP); return initStruct(0, CapDescriptor.TYPE); }
      public Exception.Builder initException() { setU16(2, EXCEPTION); return initStruct(0, Exception.TYPE); }
    }
  }

  /** Release: id u32 @0, referenceCount u32 @1. */
  public static final class Release {
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 0, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int id() { return u32(0); }
      public int referenceCount() { return u32(1); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setId(int id) { setU32(0, id); }
      public void setReferenceCount(int n) { setU32(1, n); }
    }
  }

  /** Disembargo: target ptr[0]; context tag u16 @2, loopback/provide ids u32 @0. */
  public static final class Disembargo {
    public static final int SENDER_LOOPBACK = 0, RECEIVER_LOOPBACK = 1, ACCEPT = 2, PROVIDE = 3;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public MessageTarget.Reader target() { return struct(0, MessageTarget.TYPE); }
      public int which() { return u16(2); }
      public int embargoId() { return u32(0); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public MessageTarget.Builder initTarget() { return initStruct(0, MessageTarget.TYPE); }
      public void setSenderLoopback(int id) { setU16(2, SENDER_LOOPBACK); setU32(0, id); }
      public void setReceiverLoopback(int id) { setU16(2, RECEIVER_LOOPBACK); setU32(0, id); }
    }
  }

  /** MessageTarget: tag u16 @2; importedCap u32 @0 or promisedAnswer ptr[0]. */
  public static final class MessageTarget {
    public static final int IMPORTED_CAP = 0, PROMISED_ANSWER = 1;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int which() { return u16(2); }
      public int importedCap() { return u32(0); }
      public PromisedAnswer.Reader promisedAnswer() { return struct(0, PromisedAnswer.TYPE); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setImportedCap(int id) { setU16(2, IMPORTED_CAP); setU32(0, id); }
      public PromisedAnswer.Builder initPromisedAnswer() { setU16(2, PROMISED_ANSWER); return initStruct(0, PromisedAnswer.TYPE); }
    }
  }

  /** Payload: content ptr[0] (any pointer), capTable ptr[1] (List(CapDescriptor)). */
  public static final class Payload {
    public static final StructType<Builder, Reader> TYPE = new StructType<>(0, 2, Reader::new, Builder::new);
    public static final StructList.Factory<CapDescriptor.Builder, CapDescriptor.Reader> CAP_TABLE =
        StructList.newFactory(CapDescriptor.TYPE);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public StructList.Reader<CapDescriptor.Reader> capTable() { return pointer(CAP_TABLE, 1); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public StructList.Builder<CapDescriptor.Builder> initCapTable(int size) { return initList(1, CAP_TABLE, size); }
    }
  }

  /**
   * CapDescriptor: tag u16 @0, attachedFd u8 @2 (default 255), the id u32 @1;
   * receiverAnswer / thirdPartyHosted ptr[0].
   */
  public static final class CapDescriptor {
    public static final int NONE = 0, SENDER_HOSTED = 1, SENDER_PROMISE = 2, RECEIVER_HOSTED = 3,
        RECEIVER_ANSWER = 4, THIRD_PARTY_HOSTED = 5;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int which() { return u16(0); }
      public int id() { return u32(1); }
      public PromisedAnswer.Reader receiverAnswer() { return struct(0, PromisedAnswer.TYPE); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setSenderHosted(int id) { setU16(0, SENDER_HOSTED); setU32(1, id); }
      public void setSenderPromise(int id) { setU16(0, SENDER_PROMISE); setU32(1, id); }
      public void setReceiverHosted(int id) { setU16(0, RECEIVER_HOSTED); setU32(1, id); }
      public PromisedAnswer.Builder initReceiverAnswer() { setU16(0, RECEIVER_ANSWER); return initStruct(0, PromisedAnswer.TYPE); }
    }
  }

  /** PromisedAnswer: questionId u32 @0, transform ptr[0] (List(Op)). */
  public static final class PromisedAnswer {
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 1, Reader::new, Builder::new);
    public static final StructList.Factory<Op.Builder, Op.Reader> TRANSFORM = StructList.newFactory(Op.TYPE);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int questionId() { return u32(0); }
      public StructList.Reader<Op.Reader> transform() { return pointer(TRANSFORM, 0); }

      /** The transform as pointer indexes; noop steps are dropped. */
      public int[] path() {
        StructList.Reader<Op.Reader> ops = transform();
        int[] out = new int[ops.size()];
        int n = 0;
        for (Op.Reader op : ops) {
          if (op.which() == Op.GET_POINTER_FIELD) {
            out[n++] = op.pointerIndex();
          } else if (op.which() != Op.NOOP) {
            throw new IllegalArgumentException("unknown transform op " + op.which());
          }
        }
        return java.util.Arrays.copyOf(out, n);
      }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setQuestionId(int id) { setU32(0, id); }

      public void setPath(int[] path) {
        StructList.Builder<Op.Builder> ops = initList(0, TRANSFORM, path.length);
        for (int i = 0; i < path.length; i++) {
          ops.get(i).setPointerIndex(path[i]);
        }
      }
    }
  }

  /** PromisedAnswer.Op: tag u16 @0, getPointerField u16 @1. */
  public static final class Op {
    public static final int NOOP = 0, GET_POINTER_FIELD = 1;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 0, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public int which() { return u16(0); }
      public int pointerIndex() { return u16(1); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setPointerIndex(int i) { setU16(0, GET_POINTER_FIELD); setU16(1, i); }
    }
  }

  /** Exception: reason ptr[0], trace ptr[1], type u16 @2, obsoleteIsCallersFault bit 0, obsoleteDurability u16 @1. */
  public static final class Exception {
    public static final int FAILED = 0, OVERLOADED = 1, DISCONNECTED = 2, UNIMPLEMENTED = 3;
    public static final StructType<Builder, Reader> TYPE = new StructType<>(1, 2, Reader::new, Builder::new);

    public static final class Reader extends WireReader {
      public Reader(SegmentReader s, int d, int p, int ds, short pc, int n) { super(s, d, p, ds, pc, n); }
      public String reason() { return text(0); }
      public int type() { return u16(2); }
    }

    public static final class Builder extends WireBuilder {
      public Builder(SegmentBuilder s, int d, int p, int ds, short pc) { super(s, d, p, ds, pc); }
      public void setReason(String reason) { setText(0, reason); }
      public void setType(int type) { setU16(2, type); }
    }
  }
}
