/**
 * Trusted channels between nodes: the handshake (node keys and the cluster secret), the node's
 * listening server, and one cached connection per peer.
 */
package dev.jworkers.cluster.transport;
