package org.dent.examples.reference;

import org.dent.conformance.ConformanceContext;
import org.dent.conformance.ConformanceTests;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterAll;

/** The conformance suite against the reference operator behind a real engine, as an operator would run it. */
class ReferenceOperatorConformanceTest extends ConformanceTests {
  ReferenceOperator operator;
  BppEngine engine;

  @Override
  protected ConformanceContext context() {
    SigningKey bppKey = SigningKey.generate();
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bpp.reference", "k1", bppKey.publicKey())
        .add("bap.conformance", "k1", bapKey.publicKey()).build();
    operator = ReferenceOperator.builder().build();
    engine = BppEngine.builder().subscriberId("bpp.reference").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(keys).operator(operator).build();
    operator.attach(engine::pushStatus);
    return ConformanceContext.builder().bpp(engine.bppUri(), "bpp.reference").identity("bap.conformance", "k1",
        bapKey).keyResolver(keys).build();
  }

  @AfterAll
  void stop() {
    engine.close();
    operator.close();
  }
}
