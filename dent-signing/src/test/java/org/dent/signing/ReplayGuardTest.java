package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dent.signing.internal.InMemoryReplayGuard;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
  private static byte[] sig(int n) {
    byte[] s = new byte[64];
    s[0] = (byte) n;
    s[1] = (byte) (n >> 8);
    return s;
  }

  @Test
  void remembersUntilRetentionEnds() {
    ReplayGuard g = ReplayGuard.inMemory(10);
    assertThat(g.firstUse(sig(1), 100, 130)).isTrue();
    assertThat(g.firstUse(sig(1), 101, 130)).isFalse();
    assertThat(g.firstUse(sig(1), 130, 130)).isFalse();
    assertThat(g.firstUse(sig(1), 131, 160)).isTrue();
    assertThat(g.firstUse(sig(2), 131, 160)).isTrue();
  }

  @Test
  void keepsSignatureBytesNotTheCallersArray() {
    ReplayGuard g = ReplayGuard.inMemory(10);
    byte[] s = sig(1);
    assertThat(g.firstUse(s, 0, 10)).isTrue();
    s[5] = 9;
    assertThat(g.firstUse(sig(1), 0, 10)).isFalse();
  }

  @Test
  void isBoundedAndEvictsTheEntryClosestToExpiry() {
    InMemoryReplayGuard g = new InMemoryReplayGuard(3);
    assertThat(g.firstUse(sig(1), 0, 50)).isTrue();
    assertThat(g.firstUse(sig(2), 0, 10)).isTrue();
    assertThat(g.firstUse(sig(3), 0, 60)).isTrue();
    assertThat(g.firstUse(sig(4), 0, 70)).isTrue(); // evicts sig(2)
    assertThat(g.size()).isEqualTo(3);
    assertThat(g.firstUse(sig(1), 1, 50)).isFalse();
    assertThat(g.firstUse(sig(3), 1, 60)).isFalse();
    assertThat(g.firstUse(sig(2), 1, 10)).isTrue();
    // Expired entries are purged as time passes.
    assertThat(g.firstUse(sig(5), 1000, 1010)).isTrue();
    assertThat(g.size()).isEqualTo(1);
  }

  @Test
  void exactlyOneConcurrentCallerWins() throws Exception {
    ReplayGuard g = ReplayGuard.inMemory(100_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 200; round++) {
        byte[] s = sig(round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          results.add(pool.submit(() -> {
            start.await();
            return g.firstUse(s.clone(), 0, 100);
          }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
          wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(wins).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
