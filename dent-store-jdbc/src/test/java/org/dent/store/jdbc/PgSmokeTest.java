package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgSmokeTest {
  @Test
  void migrates() {
    try (JdbcStore s = Pg.store(Pg.freshDatabase())) {
      assertThat(s.pending()).isEmpty();
      assertThat(s.toString()).doesNotContain("postgres@").doesNotContain("password");
    }
  }
}
