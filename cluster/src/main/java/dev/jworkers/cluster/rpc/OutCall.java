package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.List;
import org.capnproto.MessageBuilder;

/**
 * A call ready to deliver: an rpc Message holding a Call (params in place) and the capabilities
 * its params' pointers index. Remote delivery fills in the question id, target and cap table of
 * this very message; local delivery reads the params from it.
 */
record OutCall(MessageBuilder message, Rpc.Call.Builder call, List<Client> caps) {
  long interfaceId() {
    return call.asWireReader().u64(1);
  }

  int methodId() {
    return call.asWireReader().u16(2);
  }
}
