package dev.jworkers.cluster;

import dev.jworkers.cluster.api.CallResult;
import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.api.HttpHead;
import dev.jworkers.cluster.api.Services;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.RpcException;
import dev.jworkers.cluster.testing.Stdin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node in its own process for ClusterNodeTest. Its Node hands out the actors it owns
 * (each answers "whoami" with the node id). Stdin commands: "get ID" prints "owned ID" when this
 * node takes the object, "routed ID OWNER ANSWER" with the owner's answer, or "error ...".
 * Arguments: shared folder, cluster secret (hex), "unix" or a CIDR.
 */
public final class ClusterNodeChild {
  static final String NS = "counter";
  static volatile ClusterNode node;

  public static void main(String[] args) throws Exception {
    NodeIdentity me = NodeIdentity.generate();
    ClusterNode.Options options = ClusterNode.Options.unix(Path.of(args[0]), HexFormat.of().parseHex(args[1]));
    if (!args[2].equals("unix")) {
      options = options.withCidr(args[2]);
    }
    try (ClusterNode started = ClusterNode.start(me, options, Client.local(new OwnedActors(me.id())))) {
      node = started;
      Stdin.print("ready " + me.id());
      String line;
      while ((line = Stdin.next()) != null) {
        String[] cmd = line.split(" ");
        if (cmd[0].equals("get")) {
          Stdin.print(get(cmd[1]));
        }
      }
    }
  }

  private static String get(String id) {
    try {
      ClusterNode.Route route = node.route(NS, id);
      if (route instanceof ClusterNode.Route.Local) {
        return "owned " + id;
      }
      ClusterNode.Route.Remote remote = (ClusterNode.Route.Remote) route;
      Client owner = remote.node().get(5, TimeUnit.SECONDS);
      Client actor = ClusterCalls.getActor(owner, NS, id, "").pipeline(0);
      CallResult r = ClusterCalls.call(actor, "whoami", new byte[0]).get(5, TimeUnit.SECONDS);
      return "routed " + id + " " + remote.ownerNodeId() + " " + new String(r.value(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "error " + e;
    }
  }

  /** Serves only the objects this node owns: a request routed to a non-owner is refused. */
  static final class OwnedActors extends Services.NodeService {
    final String me;

    OwnedActors(String me) {
      this.me = me;
    }

    @Override
    public CompletionStage<Client> getActor(String namespace, String id, String name) {
      if (!node.owns(namespace, id)) {
        return CompletableFuture.failedFuture(new RpcException(RpcException.Type.FAILED, "node " + me + " does not own " + id));
      }
      return CompletableFuture.completedFuture(Client.local(new Services.ActorService() {
        @Override
        protected CompletionStage<Client> fetch(HttpHead.Request request, Client responder) {
          responder.close();
          return CompletableFuture.failedFuture(new UnsupportedOperationException("fetch"));
        }

        @Override
        protected CompletionStage<CallResult> call(String method, byte[] args) {
          return CompletableFuture.completedFuture(new CallResult(("node " + me).getBytes(StandardCharsets.UTF_8), false));
        }
      }));
    }
  }
}
