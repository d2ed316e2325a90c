/** Who a node is (its X25519 key pair and id) and where it listens. */
package dev.jworkers.cluster.node;
