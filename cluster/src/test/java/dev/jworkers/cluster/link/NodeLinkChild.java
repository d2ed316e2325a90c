package dev.jworkers.cluster.link;

import dev.jworkers.cluster.api.CallResult;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.EchoNode;
import dev.jworkers.cluster.transport.HandshakeConfig;
import dev.jworkers.cluster.node.PeerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A node in its own process for NodeLinkTest: serves the echo Node (plus a "hang" method that
 * never answers) on a Unix socket, prints "listening", runs until stdin closes or it is killed.
 * Arguments: key file, cluster secret (hex), socket path.
 */
public final class NodeLinkChild {
  public static void main(String[] args) throws Exception {
    NodeIdentity me = NodeIdentity.loadOrCreate(Path.of(args[0]));
    HandshakeConfig config = HandshakeConfig.of(me, HexFormat.of().parseHex(args[1]));
    Client node = Client.local(new EchoNode() {
      @Override
      public CompletionStage<Client> getActor(String ns, String id, String name) {
        return CompletableFuture.completedFuture(Client.local(new EchoActor(ns, id, name) {
          @Override
          public CompletionStage<CallResult> call(String method, byte[] callArgs) {
            return method.equals("hang") ? new CompletableFuture<>() : super.call(method, callArgs);
          }
        }));
      }
    });
    try (NodeLink link = NodeLink.start(new PeerAddress.Unix(Path.of(args[2])), config, node, Duration.ofMinutes(1))) {
      System.out.println("listening " + me.id());
      System.out.flush();
      while (System.in.read() != -1) {
        // until the test closes our stdin
      }
    }
  }
}
