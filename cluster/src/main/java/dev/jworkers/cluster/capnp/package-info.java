/**
 * Cap'n Proto wire helpers over the capnproto runtime: stream framing, and struct readers and
 * builders that also handle capability pointers (which the runtime cannot).
 */
package dev.jworkers.cluster.capnp;
