/**
 * cluster.capnp, the node-to-node interface: ids and layouts, typed calls, and the server-side
 * bases for Node, Actor, Responder and ByteStream.
 */
package dev.jworkers.cluster.api;
