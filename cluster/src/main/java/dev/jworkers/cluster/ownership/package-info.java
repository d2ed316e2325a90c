/**
 * Durable Object ownership: the owner of an object holds an exclusive OFD lock on
 * {@code <shared>/<namespace>/locks/<object id>} and has written its node key there; other nodes
 * read the key and route to that node while the registry says it is alive.
 */
package dev.jworkers.cluster.ownership;
