package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = new CommandLine(new DentCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json, StandardCharsets.UTF_8);
    return p;
  }

  static final String VALID_STATUS = "{\"context\":{\"domain\":\"dent:energy-storage:0.1.0\",\"action\":\"status\","
      + "\"version\":\"1.1.0\",\"bap_id\":\"bap.example\",\"bap_uri\":\"https://bap.example/dent\","
      + "\"bpp_id\":\"bpp.example\",\"bpp_uri\":\"https://bpp.example/dent\","
      + "\"transaction_id\":\"6f1c2a9e-5d4b-4c1e-9a0f-3b2d7e8f9a10\","
      + "\"message_id\":\"00000000-0000-4000-8000-000000000010\",\"timestamp\":\"2026-12-01T11:00:00Z\","
      + "\"ttl\":\"PT30S\"},\"message\":{\"order_id\":\"o-1\"}}";

  @Test
  void validFilesExitZeroSilently() throws IOException {
    Path ok = write("status.json", VALID_STATUS);
    assertThat(run("validate", ok.toString())).isEqualTo(0);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void violationsPrintOneLineEachAndExitOne() throws IOException {
    Path ok = write("ok.json", VALID_STATUS);
    Path bad = write("bad.json", VALID_STATUS.replace("\"message\":{\"order_id\":\"o-1\"}", "\"message\":{}")
        .replace("00000000-0000-4000-8000-000000000010", "msg-10"));
    assertThat(run("validate", ok.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString().lines()).containsExactly(
        bad + ": /context/message_id 30000 'msg-10' is not a valid uuid (format)",
        bad + ": /message 30000 required property 'order_id' not found (required)");
  }

  @Test
  void notJsonExitsTwoWithLineAndColumn() throws IOException {
    Path ok = write("ok.json", VALID_STATUS);
    Path broken = write("broken.json", "{\n \"context\": [1,,2]\n}");
    assertThat(run("validate", broken.toString(), ok.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith(broken + ": line 2, column 16: ");
  }

  @Test
  void unreadableFileExitsTwo() {
    assertThat(run("validate", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.json: cannot read");
  }

  /** Every profile counter-example gives exactly its one expected violation through the whole validator. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"bad-direction", "efficiency-above-one",
      "missing-requested-energy", "negative-energy", "power-in-energy-unit", "soc-as-percent", "unknown-unit",
      "window-reversed"})
  void profileCounterExamplesEachGiveTheirOneViolation(String name) throws IOException {
    String expected = null;
    for (String line : resource("invalid/expected-violations.txt").split("\n")) {
      if (line.startsWith(name + ".json ")) {
        expected = line;
      }
    }
    String[] parts = expected.split(" ", 3);
    Path file = write(name + ".json", resource("invalid/" + name + ".json"));
    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(out.toString().lines()).singleElement().satisfies(line -> {
      assertThat(line).startsWith(file + ": " + parts[1] + " 30000 ");
      assertThat(line).contains(parts[2]);
    });
  }

  @Test
  void storageWorkedMessagesAreAllValid() throws IOException {
    String[] names = {"01-search", "02-on_search", "03-select", "04-on_select", "05-init", "06-on_init",
        "07-confirm", "08-on_confirm", "09-update", "10-on_update", "11-status", "12-on_status",
        "13-on_status_push", "14-cancel", "15-on_cancel"};
    String[] args = new String[names.length + 1];
    args[0] = "validate";
    for (int i = 0; i < names.length; i++) {
      args[i + 1] = write(names[i] + ".json", resource(names[i] + ".json")).toString();
    }
    assertThat(run(args)).isEqualTo(0);
    assertThat(out.toString()).isEmpty();
  }

  static String resource(String name) throws IOException {
    try (var in = ValidateCommandTest.class.getResourceAsStream("/examples/dent-energy-storage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void missingFileArgumentIsAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
  }
}
