package dev.jworkers.cluster.transport;

import io.netty.channel.Channel;

/**
 * Called on the channel's event loop once the handshake has proved the peer, before any further
 * byte is read: the RPC layer adds its framing and protocol handlers here. The handshake handler
 * is still in the pipeline while this runs and forwards bytes that followed the handshake to the
 * handlers added here right after it returns. Those handlers see no channelActive (the channel is
 * already active).
 */
@FunctionalInterface
public interface ReadyCallback {
  void onReady(Channel channel, String peerNodeId) throws Exception;
}
