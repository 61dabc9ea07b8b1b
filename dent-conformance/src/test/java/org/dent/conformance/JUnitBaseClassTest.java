package org.dent.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dent.server.engine.BppEngine;
import org.dent.signing.KeyResolver;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.junit.jupiter.api.AfterAll;

/** The way an operator runs the suite in their own build: extend {@link ConformanceTests}. */
class JUnitBaseClassTest extends ConformanceTests {
  final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();
  BppEngine engine;

  @Override
  protected ConformanceContext context() {
    KeyResolver resolver = (sub, ukid) -> {
      VerificationKey k = keys.get(sub + "|" + ukid);
      if (k == null) {
        throw KeyResolver.unknownKey(sub, ukid);
      }
      return k;
    };
    SigningKey bppKey = SigningKey.generate();
    SigningKey bapKey = SigningKey.generate();
    keys.put("bpp.junit|k1", bppKey.publicKey());
    keys.put("bap.junit|k1", bapKey.publicKey());
    engine = BppEngine.builder().subscriberId("bpp.junit").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(resolver).operator(new ProtocolScenariosTest.SearchOnly()).build();
    return ConformanceContext.builder().bpp(engine.bppUri(), "bpp.junit").identity("bap.junit", "k1", bapKey)
        .keyResolver(resolver).build();
  }

  @Override
  protected ConformanceSuite suite() {
    return ConformanceSuite.standard().only(n -> n.startsWith("protocol."));
  }

  @AfterAll
  void stopEngine() {
    engine.close();
  }
}
