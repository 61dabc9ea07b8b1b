package org.dent.server.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The storage assets one operator sells, with the operator's own terms: provider identity, accepted payment methods
 * (others get {@code 40004}), bank details for payments, support contacts and the quote ttl. Immutable.
 *
 * <p>Read one from JSON with {@link #load(Path)} / {@link #parse(String)}, or take the built-in
 * {@link #defaultFleet()}: four assets around Bengaluru, one of them ({@code vv-bess-01}) with the numbers of the
 * worked messages. The file format (every quantity a string, tag codes as in the profile):
 *
 * <pre>{@code
 * {"provider": {"id": "voltvault", "name": "VoltVault Energy Storage",
 *               "payment-methods": ["UPI", "BANK-TRANSFER", "INVOICE"],
 *               "bank-code": "VVBK0001", "bank-account-number": "001122334455",
 *               "support": {"phone": "+91-80-5550-0000", "email": "support@voltvault.example"}},
 *  "quote-ttl": "PT15M",
 *  "assets": [{"id": "vv-bess-01", "name": "VoltVault LFP battery 500 kWh", "technology": "LFP",
 *              "location": {"id": "vv-site-koramangala", "gps": "12.9352,77.6245", "address": "..."},
 *              "capacity": "500 kWh", "max-charge-power": "100 kW", "max-discharge-power": "100 kW",
 *              "round-trip-efficiency": "0.92", "self-discharge-per-day": "0.001",
 *              "min-soc": "0.05", "max-soc": "0.95", "slot-granularity": "PT15M",
 *              "pricing": {"model": "capacity-time+energy-throughput+fixed", "currency": "INR",
 *                          "capacity-price-per-kwh-day": "2.00", "energy-in-price-per-kwh": "0.50",
 *                          "energy-out-price-per-kwh": "0.50", "fixed-fee": "50.00", "tax-rate": "0.18"},
 *              "cancellation": {"free-until-before-start": "PT2H", "fee": "25.00"},
 *              "residual": {"policy": "buy-back", "buy-back-price-per-kwh": "2.50"}}]}
 * }</pre>
 *
 * @param providerId the catalog provider id
 * @param providerName its display name
 * @param paymentMethods accepted {@code payment-terms} methods ({@code UPI CARD BANK-TRANSFER INVOICE})
 * @param bankCode bank code shown in payment params, or null
 * @param bankAccountNumber account shown in payment params, or null
 * @param supportPhone support phone, or null
 * @param supportEmail support e-mail, or null
 * @param quoteTtl how long a quote can be confirmed, in wall time (the wire {@code ttl})
 * @param assets the assets, unique ids
 */
public record Fleet(String providerId, String providerName, Set<String> paymentMethods, @Nullable String bankCode,
    @Nullable String bankAccountNumber, @Nullable String supportPhone, @Nullable String supportEmail,
    Duration quoteTtl, List<AssetSpec> assets) {

  /** Payment methods of the profile. */
  public static final Set<String> PAYMENT_METHODS = Set.of("UPI", "CARD", "BANK-TRANSFER", "INVOICE");

  private static final String DEFAULT_RESOURCE = "default-fleet.json";

  /**
   * Validates: ids unique, payment methods from the profile, a positive quote ttl.
   *
   * @throws IllegalArgumentException otherwise
   */
  public Fleet {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(providerName, "providerName");
    paymentMethods = Set.copyOf(paymentMethods);
    if (paymentMethods.isEmpty() || !PAYMENT_METHODS.containsAll(paymentMethods)) {
      throw new IllegalArgumentException("payment-methods are some of " + PAYMENT_METHODS + ": " + paymentMethods);
    }
    if (quoteTtl == null || quoteTtl.isNegative() || quoteTtl.isZero()) {
      throw new IllegalArgumentException("quote-ttl must be positive");
    }
    assets = List.copyOf(assets);
    Map<String, AssetSpec> seen = new LinkedHashMap<>();
    for (AssetSpec a : assets) {
      if (seen.put(a.id(), a) != null) {
        throw new IllegalArgumentException("duplicate asset id " + a.id());
      }
    }
  }

  /** The same fleet with other assets (e.g. a generated large fleet). */
  public Fleet withAssets(List<AssetSpec> newAssets) {
    return new Fleet(providerId, providerName, paymentMethods, bankCode, bankAccountNumber, supportPhone,
        supportEmail, quoteTtl, newAssets);
  }

  /** The same fleet with another quote ttl. */
  public Fleet withQuoteTtl(Duration ttl) {
    return new Fleet(providerId, providerName, paymentMethods, bankCode, bankAccountNumber, supportPhone,
        supportEmail, ttl, assets);
  }

  /** The built-in fleet (resource {@code org/dent/server/reference/default-fleet.json}). */
  public static Fleet defaultFleet() {
    try (InputStream in = Fleet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a fleet file.
   *
   * @throws UncheckedIOException when unreadable
   * @throws IllegalArgumentException when not a valid fleet (the message names the field)
   */
  public static Fleet load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fleet file " + file, e);
    }
  }

  /**
   * Reads a fleet from JSON text.
   *
   * @throws IllegalArgumentException when not a valid fleet (the message names the field)
   */
  public static Fleet parse(String json) {
    return FleetJson.parse(json);
  }
}
