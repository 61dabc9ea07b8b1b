package org.dent.core.profile.view;

import java.util.Objects;
import org.dent.core.model.BreakupLine;
import org.dent.core.model.Item;
import org.dent.core.model.Price;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link Bill}: a quote breakup line {@code {title, item{id}, price{currency, value}}}.
 *
 * @param title the wire title; one of the profile's ({@link #kind()}) or another, kept as is
 * @param itemId the item the line is for; null for order-wide lines such as tax
 * @param amount the line's amount; negative for credits
 */
public record BillLine(String title, @Nullable String itemId, Money amount) {
  /**
   * Validates.
   *
   * @throws ProfileException (pointers relative to the line) when the title is blank or a buy-back credit is
   *     positive
   */
  public BillLine {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(amount, "amount");
    Wire.check(!title.isBlank(), "/title", "a bill line needs a title");
    Wire.check(kindOf(title) != BillLineKind.BUY_BACK_CREDIT || !amount.isPositive(), "/price/value",
        "buy-back-credit must not be positive");
  }

  /**
   * A line of one of the profile's kinds.
   *
   * @throws IllegalArgumentException for {@link BillLineKind#OTHER} (give the title then)
   */
  public static BillLine of(BillLineKind kind, @Nullable String itemId, Money amount) {
    if (kind == BillLineKind.OTHER) {
      throw new IllegalArgumentException("a line outside the profile needs its title");
    }
    return new BillLine(kind.title(), itemId, amount);
  }

  /** The line's kind, {@link BillLineKind#OTHER} when the title is not the profile's. */
  public BillLineKind kind() {
    return kindOf(title);
  }

  /**
   * Reads a breakup line; pointers relative to it.
   *
   * @throws ProfileException when the title or the price is missing or malformed
   */
  public static BillLine from(BreakupLine line) {
    String title = Wire.require(line.title(), "/title", "a bill line needs a title");
    Price price = Wire.require(line.price(), "/price", "a bill line needs a price");
    Money amount = Wire.require(Wire.money(price, price.value(), "/price", "value", "bill line"), "/price/value",
        "a bill line needs price.value");
    String itemId = line.item() == null ? null : line.item().id();
    return Wire.at("", () -> new BillLine(title, itemId, amount));
  }

  /** The breakup line, as the worked messages write it. */
  public BreakupLine toBreakupLine() {
    return BreakupLine.builder().title(title)
        .item(itemId == null ? null : Item.builder().id(itemId).build())
        .price(Price.builder().currency(amount.currency().getCurrencyCode()).value(amount.value()).build())
        .build();
  }

  private static BillLineKind kindOf(String title) {
    return BillLineKind.ofTitle(title);
  }
}
