package org.dent.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM (stopped at exit); each test gets a database of its own. */
final class Pg {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Pg() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (IOException e) {
          // exiting anyway
        }
      }));
    }
    return server;
  }

  /** A fresh, empty database; its JDBC URL (user and password "postgres"). */
  static String freshDatabase() {
    String name = "dent_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  static final DataKeys KEYS = DataKeys.parse(DataKeys.generate("k2") + "," + DataKeys.generate("k1"));

  static JdbcStore store(String url) {
    return JdbcStore.builder().url(url).user("postgres").password("postgres").keys(KEYS).poolSize(8).build();
  }
}
