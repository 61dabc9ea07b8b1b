package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dent.core.testing.MutableClock;
import org.dent.server.store.EngineStore;
import org.dent.server.store.OperatorStore;
import org.dent.server.store.StoredCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract against PostgreSQL; "another process" is another {@link JdbcStore} on the same database. */
class JdbcStoreTest extends StoreContractTest {
  final List<JdbcStore> open = new ArrayList<>();
  final List<String> urls = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(JdbcStore::close);
  }

  @Override
  @SuppressWarnings("unchecked")
  <S extends OperatorStore & EngineStore> S newStore() {
    String url = Pg.freshDatabase();
    JdbcStore s = Pg.store(url);
    open.add(s);
    urls.add(url);
    return (S) s;
  }

  @Override
  @SuppressWarnings("unchecked")
  <S extends OperatorStore & EngineStore> S reopen(S store) {
    JdbcStore s = Pg.store(urls.get(open.indexOf(store)));
    open.add(s);
    urls.add(urls.get(open.indexOf(store)));
    return (S) s;
  }

  @Test
  void noPersonalDataInTheClearInAnyTable() throws Exception {
    JdbcStore store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp bpp = new Bpp(clock, store);
    String txn = UUID.randomUUID().toString();
    String id = bpp.book(txn, "vv-bess-01", "50", START, END);
    bpp.select(UUID.randomUUID().toString(), Orders.withTerms(Orders.order("vv-bess-02", "20", START, END)));
    store.saveCallback(new StoredCallback("k", ("{\"billing\":{\"email\":\"" + Orders.EMAIL + "\"}}")
        .getBytes(StandardCharsets.UTF_8), Instant.parse(END)));
    assertThat(store.contract(id).personal()).contains(Orders.EMAIL); // readable through the store

    String dump = dump(urls.get(0));
    assertThat(dump).contains(id).contains("vv-bess-01");
    for (String secret : List.of(Orders.NAME, Orders.EMAIL, Orders.PHONE, Orders.ADDRESS, "Sunfield", "sunfield",
        "BANK-TRANSFER")) {
      assertThat(dump).as("raw tables hold %s", secret).doesNotContain(secret);
    }
  }

  @Test
  void rotatedKeysStillReadOldDataAndWriteUnderTheNewKey() throws Exception {
    String url = Pg.freshDatabase();
    String k1 = DataKeys.generate("k1");
    String k2 = DataKeys.generate("k2");
    try (JdbcStore old = JdbcStore.builder().url(url).user("postgres").password("postgres")
        .keys(DataKeys.parse(k1)).build()) {
      StoreContractTest.save(old, record("o1", "a", START, END, "10", true));
    }
    try (JdbcStore rotated = JdbcStore.builder().url(url).user("postgres").password("postgres")
        .keys(DataKeys.parse(k2 + "," + k1)).build()) {
      assertThat(rotated.contract("o1").personal()).contains("\"name\":\"x\"");
      StoreContractTest.save(rotated, record("o2", "a", START, END, "10", true));
    }
    try (Connection c = Pg.server().getDatabase("postgres", url.substring(url.lastIndexOf('/') + 1,
        url.indexOf('?') > 0 ? url.indexOf('?') : url.length())).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT order_id, personal_key_id FROM dent_contract ORDER BY order_id")) {
      rs.next();
      assertThat(rs.getString(2)).isEqualTo("k1");
      rs.next();
      assertThat(rs.getString(2)).isEqualTo("k2");
    }
  }

  /** Every row of every dent table as text, bytea as it is stored (escaped bytes). */
  static String dump(String url) throws SQLException {
    StringBuilder out = new StringBuilder();
    String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?') > 0 ? url.indexOf('?') : url.length());
    try (Connection c = Pg.server().getDatabase("postgres", db).getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("dent_asset", "dent_contract", "dent_quote", "dent_callback", "dent_order_owner")) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              byte[] raw = rs.getBytes(i);
              out.append(raw == null ? "null" : new String(raw, StandardCharsets.ISO_8859_1)).append('|');
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }
}
