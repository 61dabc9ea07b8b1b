package org.dent.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorPathsTest {
  @Test
  void joinThenSplitGivesThePointersBack() {
    List<String> pointers = List.of("/context/message_id", "/message/order/items/0/id");
    assertThat(ErrorPaths.join(pointers)).isEqualTo("/context/message_id, /message/order/items/0/id");
    assertThat(ErrorPaths.split(ErrorPaths.join(pointers))).isEqualTo(pointers);
  }

  @Test
  void noPointersMeansNoMember() {
    assertThat(ErrorPaths.join(List.of())).isNull();
    assertThat(ErrorPaths.split(null)).isEmpty();
    assertThat(ErrorPaths.split("  ")).isEmpty();
    assertThat(ErrorPaths.split("/a,,/b ")).containsExactly("/a", "/b");
  }
}
