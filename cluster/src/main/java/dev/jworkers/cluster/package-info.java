/** The cluster layer: a node's registry entry, RPC endpoint and object ownership together. */
package dev.jworkers.cluster;
