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

  @Test
  void missingFileArgumentIsAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
  }
}
