/** rpc.capnp's message structs, written by hand from the schema's layout. */
package dev.jworkers.cluster.rpc.wire;
