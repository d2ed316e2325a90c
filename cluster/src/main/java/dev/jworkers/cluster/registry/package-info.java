/**
 * The node registry: one entry per node, named by its node id, in a directory of the shared
 * file system. {@link dev.jworkers.cluster.registry.UnixRegistry} entries are the nodes' Unix
 * sockets (one machine); {@link dev.jworkers.cluster.registry.CidrRegistry} entries are locked
 * files holding a TCP address (NFS across machines). Both answer who is alive and where.
 */
package dev.jworkers.cluster.registry;
