package org.dent.signing;

/**
 * Remembers accepted signatures so the same signed request is not accepted twice while it is still valid. Ed25519
 * signatures are deterministic and BouncyCastle rejects non-canonical encodings, so equal signature bytes mean the
 * same key signed the same body with the same {@code created}/{@code expires}; a legitimate retry re-signs with a
 * new {@code created} and is not affected (provided at least one second has passed since the previous attempt).
 *
 * <p>{@link #inMemory(int)} suits one process; a cluster needs a shared store (e.g. SET-if-absent with expiry).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReplayGuard {
  /**
   * Records a signature that just verified.
   *
   * @param signature the 64 signature bytes; do not keep a reference, copy if needed
   * @param nowEpochSecond the verifier's current time, UNIX seconds
   * @param retainUntilEpochSecond last second (inclusive) at which the signature could still verify
   * @return true when it was not seen before (or its earlier record expired); false for a replay
   */
  boolean firstUse(byte[] signature, long nowEpochSecond, long retainUntilEpochSecond);

  /**
   * An in-process guard holding at most {@code maxEntries} signatures. Expired entries are dropped first; when
   * still full, the entry closest to expiry is evicted (replay protection weakens for that one entry rather than
   * refusing legitimate traffic). Time comes from the verifier's clock.
   */
  static ReplayGuard inMemory(int maxEntries) {
    return new org.dent.signing.internal.InMemoryReplayGuard(maxEntries);
  }
}
