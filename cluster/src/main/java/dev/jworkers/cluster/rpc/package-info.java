/**
 * Cap'n Proto RPC, level 1 (rpc.capnp): capabilities ({@link dev.jworkers.cluster.rpc.Client},
 * {@link dev.jworkers.cluster.rpc.Server}), calls with promise pipelining, and the per-connection
 * state machine ({@link dev.jworkers.cluster.rpc.RpcConnection}) on a Netty channel.
 */
package dev.jworkers.cluster.rpc;
