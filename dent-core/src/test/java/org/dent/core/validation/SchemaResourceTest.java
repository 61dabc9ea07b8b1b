package org.dent.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class SchemaResourceTest {
  @Test
  void bundledJsonIsExactlyTheBundledYaml() throws Exception {
    ClassLoader cl = getClass().getClassLoader();
    JsonNode yaml;
    JsonNode json;
    try (InputStream y = cl.getResourceAsStream("org/dent/core/validation/beckn-core-1.1.0.yaml");
        InputStream j = cl.getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
      yaml = new YAMLMapper().readTree(y);
      json = JsonMapper.builder().build().readTree(j);
    }
    assertThat(json).isEqualTo(yaml);
    assertThat(json.path("paths").size()).isEqualTo(20);
  }
}
