/** The cluster's RPC over its transport: a node serving its Node and calling its peers'. */
package dev.jworkers.cluster.link;
