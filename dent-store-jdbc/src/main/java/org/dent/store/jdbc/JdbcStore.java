package org.dent.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.dent.client.correlation.PendingStore;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Action;
import org.dent.server.spi.BusinessException;
import org.dent.server.store.ContractRecord;
import org.dent.server.store.EngineStore;
import org.dent.server.store.Ledger;
import org.dent.server.store.OperatorStore;
import org.dent.server.store.OrderOwnerRecord;
import org.dent.server.store.QuoteRecord;
import org.dent.server.store.StoreException;
import org.dent.server.store.StoredCallback;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BPP store on PostgreSQL: contracts (and with them the reservation ledger), quotes, answers to requests,
 * pending callbacks and order owners, for the reference operator and the engine. Several BPP instances may share
 * one database ({@link #shared()}): an asset's contracts change only under a row lock on the asset ({@code
 * dent_asset}, taken by an upsert) and every write of a reservation re-checks, in that transaction, that the live
 * reservations overlapping its window fit the asset's usable capacity, so no two instances can double-book.
 *
 * <p>It is also a BAP's {@link PendingStore} (requests awaiting callbacks), table {@code dent_bap_pending}.
 *
 * <p>Personal data (billing party, payment terms) and whole callback bodies are stored AES-GCM encrypted under
 * the operator's {@link DataKeys}. The schema is migrated by Flyway ({@code db/dent}, history table {@code
 * dent_schema_history}) when the store is built. Thread-safe; close it to close its pool.
 */
public final class JdbcStore implements OperatorStore, EngineStore, PendingStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

  private final DataSource dataSource;
  private final @Nullable HikariDataSource pool;
  private final DataKeys keys;
  private final String description;

  private JdbcStore(DataSource dataSource, @Nullable HikariDataSource pool, DataKeys keys, String description) {
    this.dataSource = dataSource;
    this.pool = pool;
    this.keys = keys;
    this.description = description;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/dent").table("dent_schema_history")
        .load().migrate();
  }

  /** A builder. Required: a URL (or a data source) and the data keys. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean shared() {
    return true;
  }

  // ---------------------------------------------------------------- operator

  @Override
  public <T> T inAsset(String assetId, BigDecimal usableKwh, Function<AssetSession, T> body) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long version;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dent_asset (asset_id) VALUES (?) "
            + "ON CONFLICT (asset_id) DO UPDATE SET version = dent_asset.version RETURNING version")) {
          ps.setString(1, assetId); // the upsert takes the asset's row lock until commit
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
          }
        }
        Session s = new Session(c, assetId, usableKwh, version);
        T result = body.apply(s);
        if (s.wrote) {
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE dent_asset SET version = version + 1 WHERE asset_id = ?")) {
            ps.setString(1, assetId);
            ps.executeUpdate();
          }
        }
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("asset " + assetId, e);
    }
  }

  private final class Session implements AssetSession {
    private final Connection c;
    private final String assetId;
    private final BigDecimal usableKwh;
    private final long version;
    boolean wrote;

    Session(Connection c, String assetId, BigDecimal usableKwh, long version) {
      this.c = c;
      this.assetId = assetId;
      this.usableKwh = usableKwh;
      this.version = version;
    }

    @Override
    public long version() {
      return version;
    }

    @Override
    public List<ContractRecord> liveContracts() {
      return query(c, "SELECT " + CONTRACT_COLUMNS + " FROM dent_contract WHERE asset_id = ? AND live "
          + "ORDER BY created_at, order_id", ps -> ps.setString(1, assetId), JdbcStore.this::contract);
    }

    @Override
    public @Nullable ContractRecord contract(String orderId) {
      return JdbcStore.this.contract(c, orderId);
    }

    @Override
    public @Nullable String confirmedOrder(String bapId, String transactionId) {
      return JdbcStore.this.confirmedOrder(c, bapId, transactionId);
    }

    @Override
    public List<ContractRecord> changedSince(long since) {
      return query(c, "SELECT " + CONTRACT_COLUMNS + " FROM dent_contract WHERE asset_id = ? AND written_version > ?",
          ps -> {
            ps.setString(1, assetId);
            ps.setLong(2, since);
          }, JdbcStore.this::contract);
    }

    @Override
    public void save(ContractRecord r, boolean reservationChanged) {
      if (!r.assetId().equals(assetId)) {
        throw new IllegalArgumentException("contract " + r.orderId() + " is not of asset " + assetId);
      }
      if (r.live() && reservationChanged) {
        List<Ledger.Booking> bookings = query(c, "SELECT window_start, window_end, reserved_kwh FROM dent_contract "
            + "WHERE asset_id = ? AND live AND order_id <> ? AND window_start < ? AND window_end > ?", ps -> {
              ps.setString(1, assetId);
              ps.setString(2, r.orderId());
              ps.setObject(3, time(r.windowEnd()));
              ps.setObject(4, time(r.windowStart()));
            }, rs -> new Ledger.Booking(instant(rs, 1), instant(rs, 2), rs.getBigDecimal(3)));
        bookings.add(new Ledger.Booking(r.windowStart(), r.windowEnd(), r.reservedKwh()));
        if (Ledger.peak(bookings, r.windowStart(), r.windowEnd()).compareTo(usableKwh) > 0) {
          throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the capacity of " + assetId
              + " is no longer available", List.of("/message/order/items/0"));
        }
      }
      DataKeys.Sealed personal = r.personal() == null ? null
          : keys.seal(r.personal().getBytes(StandardCharsets.UTF_8), "contract|" + r.orderId());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO dent_contract (order_id, bap_id, transaction_id, "
          + "asset_id, window_start, window_end, reserved_kwh, live, created_at, state, personal, personal_key_id, "
          + "written_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET "
          + "window_start = excluded.window_start, window_end = excluded.window_end, "
          + "reserved_kwh = excluded.reserved_kwh, live = excluded.live, state = excluded.state, "
          + "personal = excluded.personal, personal_key_id = excluded.personal_key_id, "
          + "written_version = excluded.written_version")) {
        ps.setString(1, r.orderId());
        ps.setString(2, r.bapId());
        ps.setString(3, r.transactionId());
        ps.setString(4, r.assetId());
        ps.setObject(5, time(r.windowStart()));
        ps.setObject(6, time(r.windowEnd()));
        ps.setBigDecimal(7, r.reservedKwh());
        ps.setBoolean(8, r.live());
        ps.setObject(9, time(r.createdAt()));
        ps.setString(10, r.state());
        ps.setBytes(11, personal == null ? null : personal.ciphertext());
        ps.setString(12, personal == null ? null : personal.keyId());
        ps.setLong(13, version + 1); // the version this transaction commits
        ps.executeUpdate();
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "transaction " + r.transactionId()
              + " already has an order", List.of("/message/order"));
        }
        throw failure("contract " + r.orderId(), e);
      }
      wrote = true;
    }
  }

  private static final String CONTRACT_COLUMNS = "order_id, bap_id, transaction_id, asset_id, window_start, "
      + "window_end, reserved_kwh, live, created_at, state, personal, personal_key_id";

  private ContractRecord contract(ResultSet rs) throws SQLException {
    String orderId = rs.getString(1);
    byte[] personal = rs.getBytes(11);
    return new ContractRecord(orderId, rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
        instant(rs, 6), rs.getBigDecimal(7), rs.getBoolean(8), instant(rs, 9), rs.getString(10),
        personal == null ? null : new String(keys.open(personal, rs.getString(12), "contract|" + orderId),
        StandardCharsets.UTF_8));
  }

  private @Nullable ContractRecord contract(Connection c, String orderId) {
    List<ContractRecord> found = query(c, "SELECT " + CONTRACT_COLUMNS + " FROM dent_contract WHERE order_id = ?",
        ps -> ps.setString(1, orderId), this::contract);
    return found.isEmpty() ? null : found.get(0);
  }

  private @Nullable String confirmedOrder(Connection c, String bapId, String transactionId) {
    List<String> found = query(c, "SELECT order_id FROM dent_contract WHERE bap_id = ? AND transaction_id = ?",
        ps -> {
          ps.setString(1, bapId);
          ps.setString(2, transactionId);
        }, rs -> rs.getString(1));
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public @Nullable ContractRecord contract(String orderId) {
    return read(c -> contract(c, orderId));
  }

  @Override
  public @Nullable String confirmedOrder(String bapId, String transactionId) {
    return read(c -> confirmedOrder(c, bapId, transactionId));
  }

  @Override
  public void putQuote(QuoteRecord q) {
    DataKeys.Sealed personal = q.personal() == null ? null
        : keys.seal(q.personal().getBytes(StandardCharsets.UTF_8), quoteContext(q.bapId(), q.transactionId()));
    update("INSERT INTO dent_quote (bap_id, transaction_id, purge_at, state, personal, personal_key_id) "
        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (bap_id, transaction_id) DO UPDATE SET purge_at = excluded.purge_at, "
        + "state = excluded.state, personal = excluded.personal, personal_key_id = excluded.personal_key_id", ps -> {
          ps.setString(1, q.bapId());
          ps.setString(2, q.transactionId());
          ps.setObject(3, time(q.purgeAt()));
          ps.setString(4, q.state());
          ps.setBytes(5, personal == null ? null : personal.ciphertext());
          ps.setString(6, personal == null ? null : personal.keyId());
        });
  }

  @Override
  public @Nullable QuoteRecord quote(String bapId, String transactionId) {
    List<QuoteRecord> found = read(c -> query(c, "SELECT purge_at, state, personal, personal_key_id FROM dent_quote "
        + "WHERE bap_id = ? AND transaction_id = ?", ps -> {
          ps.setString(1, bapId);
          ps.setString(2, transactionId);
        }, rs -> {
          byte[] personal = rs.getBytes(3);
          return new QuoteRecord(bapId, transactionId, instant(rs, 1), rs.getString(2), personal == null ? null
              : new String(keys.open(personal, rs.getString(4), quoteContext(bapId, transactionId)),
              StandardCharsets.UTF_8));
        }));
    return found.isEmpty() ? null : found.get(0);
  }

  private static String quoteContext(String bapId, String transactionId) {
    return "quote|" + bapId + "|" + transactionId;
  }

  @Override
  public void purgeQuotes(Instant now) {
    update("DELETE FROM dent_quote WHERE purge_at < ?", ps -> ps.setObject(1, time(now)));
  }

  // ---------------------------------------------------------------- engine

  @Override
  public @Nullable StoredCallback callback(String key) {
    List<StoredCallback> found = read(c -> query(c, "SELECT body, body_key_id, expires_at FROM dent_callback "
        + "WHERE key = ?", ps -> ps.setString(1, key), rs -> storedCallback(key, rs)));
    return found.isEmpty() ? null : found.get(0);
  }

  private StoredCallback storedCallback(String key, ResultSet rs) throws SQLException {
    return new StoredCallback(key, keys.open(rs.getBytes(1), rs.getString(2), "callback|" + key), instant(rs, 3));
  }

  @Override
  public void saveCallback(StoredCallback cb) {
    DataKeys.Sealed body = keys.seal(cb.body(), "callback|" + cb.key());
    update("INSERT INTO dent_callback (key, body, body_key_id, expires_at, pending) VALUES (?, ?, ?, ?, true) "
        + "ON CONFLICT (key) DO UPDATE SET body = excluded.body, body_key_id = excluded.body_key_id, "
        + "expires_at = excluded.expires_at, pending = true", ps -> {
          ps.setString(1, cb.key());
          ps.setBytes(2, body.ciphertext());
          ps.setString(3, body.keyId());
          ps.setObject(4, time(cb.expiresAt()));
        });
  }

  @Override
  public void delivered(String key) {
    update("UPDATE dent_callback SET pending = false WHERE key = ? AND pending", ps -> ps.setString(1, key));
  }

  @Override
  public List<StoredCallback> pending() {
    return read(c -> query(c, "SELECT body, body_key_id, expires_at, key FROM dent_callback WHERE pending "
        + "ORDER BY seq", ps -> { }, rs -> storedCallback(rs.getString(4), rs)));
  }

  @Override
  public void saveOwner(OrderOwnerRecord o) {
    update("INSERT INTO dent_order_owner (order_id, bap_id, bap_uri, transaction_id, domain) VALUES (?, ?, ?, ?, ?) "
        + "ON CONFLICT (order_id) DO NOTHING", ps -> {
          ps.setString(1, o.orderId());
          ps.setString(2, o.bapId());
          ps.setString(3, o.bapUri());
          ps.setString(4, o.transactionId());
          ps.setString(5, o.domain());
        });
  }

  @Override
  public @Nullable OrderOwnerRecord owner(String orderId) {
    List<OrderOwnerRecord> found = read(c -> query(c, "SELECT bap_id, bap_uri, transaction_id, domain "
        + "FROM dent_order_owner WHERE order_id = ?", ps -> ps.setString(1, orderId),
        rs -> new OrderOwnerRecord(orderId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public void purge(Instant now) {
    update("DELETE FROM dent_callback WHERE expires_at < ?", ps -> ps.setObject(1, time(now)));
  }

  // ---------------------------------------------------------------- BAP

  @Override
  public void put(PendingStore.Entry e) {
    update("INSERT INTO dent_bap_pending (message_id, callback, transaction_id, expected_bpp_id, deadline) "
        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (callback, message_id) DO UPDATE SET deadline = excluded.deadline",
        ps -> {
          ps.setString(1, e.messageId());
          ps.setString(2, e.callback().wireName());
          ps.setString(3, e.transactionId());
          ps.setString(4, e.expectedBppId());
          ps.setObject(5, time(e.deadline()));
        });
  }

  @Override
  public void remove(String messageId, Action callback) {
    update("DELETE FROM dent_bap_pending WHERE callback = ? AND message_id = ?", ps -> {
      ps.setString(1, callback.wireName());
      ps.setString(2, messageId);
    });
  }

  @Override
  public List<PendingStore.Entry> unexpired(Instant now) {
    update("DELETE FROM dent_bap_pending WHERE deadline < ?", ps -> ps.setObject(1, time(now)));
    return read(c -> query(c, "SELECT message_id, callback, transaction_id, expected_bpp_id, deadline "
        + "FROM dent_bap_pending ORDER BY deadline", ps -> { }, rs -> new PendingStore.Entry(rs.getString(1),
        Action.fromWireName(rs.getString(2)), rs.getString(3), rs.getString(4), instant(rs, 5))));
  }

  // ---------------------------------------------------------------- plumbing

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private static <T> List<T> query(Connection c, String sql, Binder binder, RowReader<T> reader) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(reader.read(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw failure("query", e);
    }
  }

  private <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  private void update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed: {}", e.getMessage());
    }
  }

  /** A store failure; the SQL state and the driver's message (which names no credential) are kept. */
  private static StoreException failure(String what, SQLException e) {
    return new StoreException("store " + what + " failed (SQL state " + e.getSQLState() + ")", e);
  }

  private static OffsetDateTime time(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** Closes the pool this store made (a given data source is left open). */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  /** The database URL without credentials. */
  @Override
  public String toString() {
    return "JdbcStore[" + description + "]";
  }

  /** Configures a {@link JdbcStore}. */
  public static final class Builder {
    private @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable DataSource dataSource;
    private @Nullable DataKeys keys;
    private int poolSize = 10;

    private Builder() {}

    /** {@code jdbc:postgresql://host:port/db}; a pool (HikariCP) is made for it. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The database user. */
    public Builder user(@Nullable String user) {
      this.user = user;
      return this;
    }

    /** The database password (kept by the pool only, never logged or printed). */
    public Builder password(@Nullable String password) {
      this.password = password;
      return this;
    }

    /** Use this data source instead of a URL (it is not closed by {@link JdbcStore#close()}). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** The keys personal data is encrypted under (required). */
    public Builder keys(DataKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** Connections in the pool made for {@link #url} (default 10). */
    public Builder poolSize(int poolSize) {
      if (poolSize < 1) {
        throw new IllegalArgumentException("pool size must be positive");
      }
      this.poolSize = poolSize;
      return this;
    }

    /**
     * Connects, migrates the schema and returns the store.
     *
     * @throws IllegalStateException when neither a URL nor a data source, or no keys, were given
     * @throws org.flywaydb.core.api.FlywayException when the migration fails
     */
    public JdbcStore build() {
      if (keys == null) {
        throw new IllegalStateException("a JDBC store needs data keys for personal data (DENT_STORE_KEYS)");
      }
      if (dataSource != null) {
        return new JdbcStore(dataSource, null, keys, "data source " + dataSource.getClass().getSimpleName());
      }
      if (url == null) {
        throw new IllegalStateException("a JDBC store needs a URL or a data source");
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(poolSize);
      config.setPoolName("dent-store");
      HikariDataSource pool = new HikariDataSource(config);
      try {
        return new JdbcStore(pool, pool, keys, redact(url));
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
    }
  }

  /** The URL without its query (where a password may be passed) and without user info: safe to print. */
  public static String redact(String url) {
    String u = url;
    int q = u.indexOf('?');
    if (q >= 0) {
      u = u.substring(0, q);
    }
    int at = u.indexOf('@');
    int scheme = u.indexOf("//");
    if (at > 0 && scheme >= 0 && at > scheme) {
      u = u.substring(0, scheme + 2) + u.substring(at + 1);
    }
    return u;
  }
}
