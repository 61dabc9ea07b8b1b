package org.dent.client.registry;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dent.signing.KeyFormatException;
import org.dent.signing.KeyResolver;
import org.dent.signing.ResolvedKey;
import org.dent.signing.SignatureVerificationException;
import org.dent.signing.VerificationKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves signature keys from a Beckn registry through a cache keyed by {@code (subscriber_id, unique_key_id)}.
 * Thread-safe; build one per registry and share it.
 *
 * <ul>
 *   <li>A usable key is cached for the TTL (default 10 min) but never past its subscription's {@code valid_until}.
 *       "Unknown" and "not usable" answers are cached for the negative TTL (default 30 s), so a flood of unknown
 *       keyIds costs one lookup per keyId per negative TTL.
 *   <li>Concurrent resolves of a key that is not cached share one lookup; the lookup runs on the calling thread.
 *   <li>{@link #refresh} looks the key up again, bypassing the cache, at most once per key per
 *       {@link Builder#minRefreshInterval} (default 30 s); within that interval it answers empty, so forged
 *       signatures cannot make the registry do more work.
 *   <li>A subscription that is not {@link Subscription#isUsableAt usable} at the clock's instant (status other than
 *       {@code SUBSCRIBED}, or outside {@code valid_from}/{@code valid_until}), or whose key does not parse, is
 *       {@link KeyResolver#revokedKey}; no matching subscription is {@link KeyResolver#unknownKey}. With
 *       {@link Builder#acceptedTypes} set, subscriptions of other types count as not found.
 *   <li>When the registry fails, cached answers keep working; a key that is not cached fails with
 *       {@link RegistryException} (never a signature error), and the failure is not cached.
 * </ul>
 *
 * <p>Cache lifetimes run on the {@link Builder#ticker}; validity is judged on the {@link Builder#clock}. Tests
 * advance both.
 */
public final class RegistryKeyResolver implements KeyResolver {
  private static final Logger log = LoggerFactory.getLogger(RegistryKeyResolver.class);

  /** Default lifetime of a cached key. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
  /** Default lifetime of a cached "unknown" or "not usable" answer. */
  public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(30);
  /** Default least time between two refreshes of one key. */
  public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
  /** Default most keys and negative answers held. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  private record KeyRef(String subscriberId, String uniqueKeyId) {}

  /**
   * {@code failure != null}: the lookup failed (never kept: its lifetime is zero and it is removed at once).
   * {@code subscription == null}: unknown. {@code key == null}: known, but without a key that parses.
   */
  private record Entry(
      @Nullable Subscription subscription, @Nullable VerificationKey key, @Nullable RuntimeException failure) {
    static final Entry UNKNOWN = new Entry(null, null, null);
  }

  private final RegistryClient client;
  private final Clock clock;
  private final Duration ttl;
  private final Duration negativeTtl;
  private final Set<String> acceptedTypes;
  private final @Nullable String domain;
  private final RegistryListener listener;
  private final AsyncCache<KeyRef, Entry> keys;
  private final Cache<KeyRef, Boolean> recentRefreshes;

  private RegistryKeyResolver(Builder b) {
    this.client = b.client;
    this.clock = b.clock;
    this.ttl = b.ttl;
    this.negativeTtl = b.negativeTtl;
    this.acceptedTypes = b.acceptedTypes;
    this.domain = b.domain;
    this.listener = b.listener;
    this.keys = Caffeine.newBuilder()
        .ticker(b.ticker)
        .maximumSize(b.maximumSize)
        .expireAfter(Expiry.writing((KeyRef ref, Entry e) -> lifetime(e)))
        .buildAsync();
    this.recentRefreshes = Caffeine.newBuilder()
        .ticker(b.ticker)
        .maximumSize(b.maximumSize)
        .expireAfterWrite(b.minRefreshInterval)
        .build();
  }

  /** A builder for a resolver that asks {@code client}'s registry. */
  public static Builder builder(RegistryClient client) {
    return new Builder(client);
  }

  /**
   * The usable key registered as {@code uniqueKeyId} of {@code subscriberId}, from the cache or the registry.
   *
   * @throws SignatureVerificationException {@code UNKNOWN_KEY} when the registry has no such subscription (of an
   *     accepted type), {@code KEY_REVOKED} when it has one that is not usable now
   * @throws RegistryException when the key is not cached and the registry cannot be asked
   */
  @Override
  public VerificationKey resolve(String subscriberId, String uniqueKeyId) {
    KeyRef ref = new KeyRef(
        Objects.requireNonNull(subscriberId, "subscriberId"), Objects.requireNonNull(uniqueKeyId, "uniqueKeyId"));
    return usableKey(ref, cachedOrFetched(ref));
  }

  /**
   * As {@link #resolve}, with the subscription the key came from (type, domain, status, validity), for receivers
   * that check roles and domains.
   *
   * @throws SignatureVerificationException as {@link #resolve}
   * @throws RegistryException as {@link #resolve}
   */
  @Override
  public ResolvedKey resolveKey(String subscriberId, String uniqueKeyId) {
    KeyRef ref = new KeyRef(
        Objects.requireNonNull(subscriberId, "subscriberId"), Objects.requireNonNull(uniqueKeyId, "uniqueKeyId"));
    Entry e = cachedOrFetched(ref);
    VerificationKey key = usableKey(ref, e);
    return new ResolvedKey(key, e.subscription().subscriberInfo());
  }

  /**
   * Looks the key up again, bypassing the cache, and caches the answer. Returns the fresh key when it differs from
   * the one cached before (the peer rotated it); empty when it is the same, or when this key was already refreshed
   * within the minimum refresh interval.
   *
   * @throws SignatureVerificationException as {@link #resolve}, when the fresh answer has no usable key
   * @throws RegistryException when the registry cannot be asked (the attempt still counts against the interval)
   */
  @Override
  public Optional<VerificationKey> refresh(String subscriberId, String uniqueKeyId) {
    KeyRef ref = new KeyRef(
        Objects.requireNonNull(subscriberId, "subscriberId"), Objects.requireNonNull(uniqueKeyId, "uniqueKeyId"));
    if (recentRefreshes.asMap().putIfAbsent(ref, Boolean.TRUE) != null) {
      listener.onKeyEvent(RegistryListener.Event.REFRESH_RATE_LIMITED, subscriberId, uniqueKeyId);
      return Optional.empty();
    }
    listener.onKeyEvent(RegistryListener.Event.REFRESH, subscriberId, uniqueKeyId);
    CompletableFuture<Entry> before = keys.getIfPresent(ref);
    VerificationKey previous = before != null && before.isDone() ? before.join().key() : null;
    Entry fresh = fetch(ref);
    keys.put(ref, CompletableFuture.completedFuture(fresh));
    VerificationKey key = usableKey(ref, fresh);
    if (key.equals(previous)) {
      return Optional.empty();
    }
    log.info("registry key {}|{} changed on refresh", subscriberId, uniqueKeyId);
    listener.onKeyEvent(RegistryListener.Event.ROTATED, subscriberId, uniqueKeyId);
    return Optional.of(key);
  }

  @Override
  public String toString() {
    return "RegistryKeyResolver[" + client.lookupUrl() + "]";
  }

  private Entry cachedOrFetched(KeyRef ref) {
    CompletableFuture<Entry> cached = keys.getIfPresent(ref);
    if (cached == null) {
      // Single flight without holding a map lock during the call: the first thread installs a future and fetches
      // on its own thread, the others wait on that future.
      CompletableFuture<Entry> mine = new CompletableFuture<>();
      cached = keys.asMap().putIfAbsent(ref, mine);
      if (cached == null) {
        listener.onKeyEvent(RegistryListener.Event.MISS, ref.subscriberId(), ref.uniqueKeyId());
        try {
          Entry e = fetch(ref);
          mine.complete(e);
          return e;
        } catch (RuntimeException e) {
          // Handed to the waiters as a value, not an exceptional completion (which Caffeine logs with a stack
          // trace at WARNING), then dropped so the next resolve asks again.
          mine.complete(new Entry(null, null, e));
          keys.asMap().remove(ref, mine);
          throw e;
        } catch (Error e) {
          mine.completeExceptionally(e);
          throw e;
        }
      }
    }
    listener.onKeyEvent(RegistryListener.Event.HIT, ref.subscriberId(), ref.uniqueKeyId());
    Entry e = cached.join();
    if (e.failure() != null) {
      throw e.failure(); // another thread's lookup failed while this one waited for it
    }
    return e;
  }

  private Entry fetch(KeyRef ref) {
    String type = acceptedTypes.size() == 1 ? acceptedTypes.iterator().next() : null;
    LookupRequest request = LookupRequest.key(ref.subscriberId(), ref.uniqueKeyId()).withType(type)
        .withDomain(domain);
    List<Subscription> answer;
    try {
      answer = client.lookup(request);
    } catch (RegistryException e) {
      listener.onKeyEvent(RegistryListener.Event.LOOKUP_FAILED, ref.subscriberId(), ref.uniqueKeyId());
      log.warn("registry lookup of {}|{} failed: {}", ref.subscriberId(), ref.uniqueKeyId(), e.getMessage());
      throw e;
    }
    Instant now = clock.instant();
    Subscription unusable = null;
    for (Subscription s : answer) {
      if (!s.subscriberId().equals(ref.subscriberId()) || !ref.uniqueKeyId().equals(s.keyId())
          || (!acceptedTypes.isEmpty()
              && (s.type() == null || !acceptedTypes.contains(s.type().toUpperCase(Locale.ROOT))))) {
        continue;
      }
      VerificationKey key = parseKey(s);
      if (key != null && s.isUsableAt(now)) {
        return new Entry(s, key, null);
      }
      if (unusable == null) {
        unusable = s;
      }
    }
    return unusable == null ? Entry.UNKNOWN : new Entry(unusable, parseKey(unusable), null);
  }

  private static @Nullable VerificationKey parseKey(Subscription s) {
    try {
      return s.signingKey();
    } catch (KeyFormatException e) {
      log.warn("registry key {}|{} is not a usable Ed25519 key: {}", s.subscriberId(), s.keyId(), e.getMessage());
      return null;
    }
  }

  private VerificationKey usableKey(KeyRef ref, Entry e) {
    if (e.subscription() == null) {
      throw KeyResolver.unknownKey(ref.subscriberId(), ref.uniqueKeyId());
    }
    if (e.key() == null || !e.subscription().isUsableAt(clock.instant())) {
      throw KeyResolver.revokedKey(ref.subscriberId(), ref.uniqueKeyId());
    }
    return e.key();
  }

  private Duration lifetime(Entry e) {
    if (e.failure() != null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    Subscription s = e.subscription();
    if (s == null || e.key() == null || !s.isUsableAt(now)) {
      return negativeTtl;
    }
    if (s.validUntil() == null) {
      return ttl;
    }
    Duration left = Duration.between(now, s.validUntil());
    return left.compareTo(ttl) < 0 ? left : ttl;
  }

  /** Settings of a {@link RegistryKeyResolver}; not thread-safe. */
  public static final class Builder {
    private final RegistryClient client;
    private Duration ttl = DEFAULT_TTL;
    private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;
    private Duration minRefreshInterval = DEFAULT_MIN_REFRESH_INTERVAL;
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Ticker ticker = Ticker.systemTicker();
    private Clock clock = Clock.systemUTC();
    private Set<String> acceptedTypes = Set.of();
    private @Nullable String domain;
    private RegistryListener listener = RegistryListener.NONE;

    private Builder(RegistryClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** How long a usable key stays cached at most (default 10 min); never past its {@code valid_until}. */
    public Builder ttl(Duration ttl) {
      this.ttl = positive(ttl, "ttl");
      return this;
    }

    /** How long "unknown" and "not usable" answers stay cached (default 30 s; zero disables). */
    public Builder negativeTtl(Duration negativeTtl) {
      this.negativeTtl = notNegative(negativeTtl, "negativeTtl");
      return this;
    }

    /** Least time between two registry refreshes of one key (default 30 s; zero disables the limit). */
    public Builder minRefreshInterval(Duration minRefreshInterval) {
      this.minRefreshInterval = notNegative(minRefreshInterval, "minRefreshInterval");
      return this;
    }

    /** Most cached keys and negative answers (default 10 000); the least used go first. */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize <= 0) {
        throw new IllegalArgumentException("maximumSize must be positive");
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /** The time source of cache lifetimes (default the system's nano time); tests pass a fake one. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The clock that {@code valid_from}/{@code valid_until} are judged against (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Subscriber types whose keys are accepted, e.g. {@code BAP} for a BPP's inbound requests (any case; default
     * all). A subscription of another type counts as not found ({@code UNKNOWN_KEY}), as if the registry did not
     * list it: the signer is not known in the role it would need. With exactly one type it is also sent in the
     * lookup.
     */
    public Builder acceptedTypes(Set<String> types) {
      this.acceptedTypes = types.stream().map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
      return this;
    }

    /** The domain sent with every lookup, for registries that require one (default none). */
    public Builder domain(@Nullable String domain) {
      this.domain = domain;
      return this;
    }

    /** Hears cache hits, misses and refreshes (default {@link RegistryListener#NONE}). */
    public Builder listener(RegistryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The resolver. */
    public RegistryKeyResolver build() {
      return new RegistryKeyResolver(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    private static Duration notNegative(Duration d, String name) {
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
