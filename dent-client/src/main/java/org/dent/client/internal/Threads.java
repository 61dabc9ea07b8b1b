package org.dent.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools of the SDK's services: named daemon threads, bounded queues. Not API. */
public final class Threads {
  private Threads() {}

  /**
   * A fixed pool of {@code threads} daemon threads named {@code name-N} with a queue of {@code queue} tasks
   * ({@link Integer#MAX_VALUE} for unbounded); a full queue rejects, which callers turn into back-pressure.
   */
  public static ExecutorService pool(String name, int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        queue == Integer.MAX_VALUE ? new LinkedBlockingQueue<>() : new LinkedBlockingQueue<>(queue),
        r -> daemon(r, name + "-" + n.incrementAndGet()));
  }

  /** A daemon thread, so SDK threads never keep a JVM alive. */
  public static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
