package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@link RpcScenarios} with every Worker on one shard, plus the bounded call queue. */
class JsRpcTest extends RpcScenarios {
    @Override int backShards() { return 0; }

    @Override int shards() { return 1; }

    @Test
    void sameShardCallsStayOnTheShard() throws Exception {
        long before = node.node.shards().crossShardCalls();
        run("basic");
        assertEquals(before, node.node.shards().crossShardCalls());
    }

    /** Queued calls only pile up deterministically when caller and callee share a shard. */
    @Test
    void aFullQueueRejectsCallsAndCountsThem() throws Exception {
        long before = node.node.shards().rejectedCalls();
        node.node.shards().setMaxQueuedCalls(5);
        try {
            JsonNode r = run("queue");
            assertEquals(5, r.get("fulfilled").asInt());
            assertEquals(45, r.get("rejected").asInt());
            assertEquals("RPC call rejected: shard 0 already has 5 calls queued (the limit); the target is overloaded.", r.get("message").asText());
            assertEquals(45, node.node.shards().rejectedCalls() - before);
        } finally {
            node.node.shards().setMaxQueuedCalls(dev.jworkers.runtime.shard.ShardGroup.DEFAULT_MAX_QUEUED_CALLS);
        }
    }

}
