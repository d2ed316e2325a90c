package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link RpcScenarios} with back loaded on shard 0 of 2: calls from shard 1 cross to shard 0. */
class JsRpcCrossShardTest extends RpcScenarios {
    @Override int backShards() { return 1; }

    @Override int shards() { return 2; }

    @Test
    void callsFromTheOtherShardCrossToTheCallee() throws Exception {
        long before = node.node.shards().crossShardCalls();
        for (int i = 0; i < 4; i++) run("eorder");
        // Connections go to the shards in turn: two of the four requests ran on shard 1, 301 calls each.
        assertTrue(node.node.shards().crossShardCalls() - before >= 2 * 301, "cross-shard calls: " + (node.node.shards().crossShardCalls() - before));
    }
}
