/**
 * Linux open-file-description (OFD) locks through fcntl via the FFM API: {@link
 * dev.jworkers.cluster.lock.OfdLock} holds its own file descriptor so each instance is a separate
 * lock owner, even inside one JVM, and the kernel drops the lock when the process dies.
 */
package dev.jworkers.cluster.lock;
