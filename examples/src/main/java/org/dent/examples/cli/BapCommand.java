package org.dent.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.bap.SearchCall;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.error.DentException;
import org.dent.core.json.DentCodec;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Billing;
import org.dent.core.model.Descriptor;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent bap ...}: use any BPP or gateway by hand as a given BAP identity. Each command sends one signed
 * request, waits for its callback and prints it readably (or as JSON with {@code --json}). Exit 0 when the callback
 * arrived without error, 1 on an error callback, a NACK or a timeout, 2 on a usage error.
 */
@Command(name = "bap", mixinStandardHelpOptions = true,
    description = "Send DENT requests to a BPP as a BAP and print the callbacks.",
    subcommands = {BapCommand.Search.class, BapCommand.Select.class, BapCommand.Init.class,
        BapCommand.Confirm.class, BapCommand.Status.class, BapCommand.Update.class, BapCommand.Cancel.class,
        BapAggregateCommand.class})
final class BapCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Shared run logic: build the client, send, print, map outcomes to exit codes. */
  abstract static class Base implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin BapOptions options;

    abstract int send(DentClient client, PrintWriter out) throws Exception;

    @Nullable URI gateway() {
      return null;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (DentClient client = options.client(spec, gateway())) {
        return send(client, out);
      } catch (ExecutionException e) {
        return failed(err, e.getCause());
      } catch (DentException e) {
        return failed(err, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      } catch (Exception e) {
        err.println("error: " + e.getMessage());
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }

    private int failed(PrintWriter err, Throwable t) {
      if (t instanceof CallbackErrorException e) {
        if (options.json) {
          spec.commandLine().getOut().println(json(e.callback()));
        }
        err.println("ERROR " + e.code() + " " + e.getMessage());
      } else if (t instanceof DentException e) {
        err.println("ERROR " + e.code() + " " + e.getMessage() + (e.paths().isEmpty() ? "" : " at " + e.paths()));
      } else {
        err.println("ERROR " + t);
      }
      return 1;
    }

    <T extends BecknMessage> T await(CompletableFuture<T> future) throws Exception {
      return future.get(options.ttlSeconds + 5L, TimeUnit.SECONDS);
    }

    boolean printJson(PrintWriter out, BecknMessage m) {
      if (options.json) {
        out.println(json(m));
      }
      return options.json;
    }

    static String json(BecknMessage m) {
      return new String(DentCodec.standard().encode(m), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Options describing the reservation (select, init, confirm). */
  static final class Reservation {
    @Option(names = "--provider", required = true, paramLabel = "ID") String provider;
    @Option(names = "--item", required = true, paramLabel = "ID") String item;
    @Option(names = "--energy", required = true, paramLabel = "ENERGY", description = "e.g. \"50 kWh\"") String energy;
    @Option(names = "--from", required = true, paramLabel = "RFC3339") Instant from;
    @Option(names = "--to", required = true, paramLabel = "RFC3339") Instant to;

    StorageOrder order() {
      return new StorageOrder(provider, item, Energy.parse(energy), new TimeWindow(from, to), "f1");
    }
  }

  /** Billing and payment (init, confirm). */
  static final class Terms {
    @Option(names = "--billing-name", paramLabel = "NAME", description = "Default: the subscriber id.")
    @Nullable String name;
    @Option(names = "--billing-email", paramLabel = "EMAIL") @Nullable String email;
    @Option(names = "--payment-method", paramLabel = "METHOD", defaultValue = "BANK-TRANSFER",
        description = "UPI, CARD, BANK-TRANSFER or INVOICE (default: ${DEFAULT-VALUE}).") String method;
    @Option(names = "--payment-type", paramLabel = "TYPE", defaultValue = "POST-FULFILLMENT",
        description = "PRE-ORDER, ON-FULFILLMENT or POST-FULFILLMENT (default: ${DEFAULT-VALUE}).") String type;
    @Option(names = "--soc-high", paramLabel = "FRACTION") @Nullable BigDecimal socHigh;
    @Option(names = "--soc-low", paramLabel = "FRACTION") @Nullable BigDecimal socLow;

    Order apply(StorageOrder order, String subscriberId) {
      AlertThresholds thresholds = socHigh == null && socLow == null ? null
          : new AlertThresholds(socHigh == null ? null : StateOfCharge.of(socHigh),
              socLow == null ? null : StateOfCharge.of(socLow));
      Order o = order.toOrder(Billing.builder().name(name == null ? subscriberId : name).email(email).build(),
          method, thresholds);
      return o.toBuilder().payments(List.of(o.payments().get(0).toBuilder().type(type).build())).build();
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true, description = "Search storage near a point.")
  static final class Search extends Base {
    @Option(names = "--bpp", paramLabel = "URL", description = "A BPP to search (repeatable).") List<URI> bpps;
    @Option(names = "--gateway", paramLabel = "URL", description = "Search through this gateway instead.")
    @Nullable URI gatewayUrl;
    @Option(names = "--lat", required = true) BigDecimal lat;
    @Option(names = "--lon", required = true) BigDecimal lon;
    @Option(names = "--radius-km", required = true) BigDecimal radiusKm;
    @Option(names = "--energy", required = true, paramLabel = "ENERGY") String energy;
    @Option(names = "--from", required = true, paramLabel = "RFC3339") Instant from;
    @Option(names = "--to", required = true, paramLabel = "RFC3339") Instant to;
    @Option(names = "--min-charge-power", paramLabel = "POWER") @Nullable String minCharge;
    @Option(names = "--min-discharge-power", paramLabel = "POWER") @Nullable String minDischarge;
    @Option(names = "--budget", paramLabel = "AMOUNT") @Nullable BigDecimal budget;
    @Option(names = "--currency", defaultValue = "INR") String currency;

    @Override
    @Nullable URI gateway() {
      return gatewayUrl;
    }

    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      if ((bpps == null || bpps.isEmpty()) == (gatewayUrl == null)) {
        throw BapOptions.usage(spec, "give either --bpp (one or more) or --gateway");
      }
      GeoPoint center = new GeoPoint(lat, lon);
      StorageRequirement need = new StorageRequirement(new SearchArea(center, radiusKm), new TimeWindow(from, to),
          Energy.parse(energy), budget == null ? null : Money.of(budget, Money.currency(currency)),
          minCharge == null ? null : Power.parse(minCharge), minDischarge == null ? null : Power.parse(minDischarge));
      SearchCall call = gatewayUrl != null ? client.search(need.toIntent())
          : client.search(need.toIntent(), bpps);
      List<OnSearchCallback> answers = call.all().get(options.ttlSeconds + 5L, TimeUnit.SECONDS);
      List<Show.Offered> offers = new ArrayList<>();
      for (OnSearchCallback a : answers) {
        if (printJson(out, a) || a.message() == null || a.message().catalog() == null) {
          continue;
        }
        StorageOffer.fromCatalog(a.message().catalog()).forEach(o -> offers.add(new Show.Offered(a.context().bppId(), o)));
      }
      if (!options.json) {
        out.println("transaction " + call.transactionId() + ": " + answers.size() + " BPP(s) answered, "
            + offers.size() + " offer(s)");
        out.print(Show.offers(offers, center));
      }
      return 0;
    }
  }

  @Command(name = "select", mixinStandardHelpOptions = true, description = "Ask a BPP to quote a reservation.")
  static final class Select extends Base {
    @Mixin BapOptions.Target target;
    @ArgGroup(exclusive = false, multiplicity = "1") Reservation reservation;

    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      StorageOrder asked = reservation.order();
      BppTarget t = target.target(client);
      OnSelectCallback on = await(client.select(t, asked.toOrder()));
      if (!printJson(out, on)) {
        StorageOrder granted = StorageOrder.from(on.message().order());
        out.println("transaction " + t.transactionId() + ": quote from " + t.bppId() + " for "
            + granted.energy().format() + " " + granted.window().start() + " .. " + granted.window().end());
        if (asked.isPartiallyGrantedBy(granted)) {
          out.println("  PARTIAL GRANT: asked " + asked.energy().format() + " " + asked.window().start() + " .. "
              + asked.window().end());
        }
        out.print(Show.bill(on.message().order().quote()));
      }
      return 0;
    }
  }

  /** init and confirm send the same order: the reservation with billing, payment and alert thresholds. */
  abstract static class WithTerms extends Base {
    @Mixin BapOptions.Target target;
    @ArgGroup(exclusive = false, multiplicity = "1") Reservation reservation;
    @ArgGroup(exclusive = false) Terms terms = new Terms();

    Order order() {
      return (terms == null ? new Terms() : terms).apply(reservation.order(), options.subscriberId);
    }
  }

  @Command(name = "init", mixinStandardHelpOptions = true, description = "Billing, payment and final terms.")
  static final class Init extends WithTerms {
    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      BppTarget t = target.target(client);
      OnInitCallback on = await(client.init(t, order()));
      if (!printJson(out, on)) {
        out.println("transaction " + t.transactionId() + ": terms from " + t.bppId());
        out.print(Show.bill(on.message().order().quote()));
      }
      return 0;
    }
  }

  @Command(name = "confirm", mixinStandardHelpOptions = true, description = "Reserve.")
  static final class Confirm extends WithTerms {
    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      BppTarget t = target.target(client);
      OnConfirmCallback on = await(client.confirm(t, order()));
      if (!printJson(out, on)) {
        out.println("transaction " + t.transactionId() + ": confirmed by " + t.bppId());
        out.print(Show.order(on.message().order()));
        out.print(Show.bill(on.message().order().quote()));
      }
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "State and telemetry of an order.")
  static final class Status extends Base {
    @Mixin BapOptions.Target target;
    @Option(names = "--order-id", required = true, paramLabel = "ID") String orderId;

    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      OnStatusCallback on = await(client.status(target.target(client), orderId));
      if (!printJson(out, on)) {
        out.print(Show.order(on.message().order()));
      }
      return 0;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true, description = "Charge or discharge energy.")
  static final class Update extends Base {
    @Mixin BapOptions.Target target;
    @Option(names = "--order-id", required = true, paramLabel = "ID") String orderId;
    @Option(names = "--direction", required = true, paramLabel = "charge|discharge") String direction;
    @Option(names = "--energy", required = true, paramLabel = "ENERGY") String energy;
    @Option(names = "--power", required = true, paramLabel = "POWER") String power;
    @Option(names = "--start", paramLabel = "RFC3339", description = "Default: now.") @Nullable Instant start;
    @Option(names = "--fulfillment-id", defaultValue = "f1") String fulfillmentId;

    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      TransferDirection d;
      try {
        d = TransferDirection.valueOf(direction.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw BapOptions.usage(spec, "--direction is charge or discharge");
      }
      TransferRequest request = new TransferRequest(d, Energy.parse(energy), Power.parse(power),
          start == null ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : start);
      Order order = Order.builder().id(orderId).fulfillments(List.of(org.dent.core.model.Fulfillment.builder()
          .id(fulfillmentId).tags(List.of(request.toTagGroup())).build())).build();
      OnUpdateCallback on = await(client.update(target.target(client), "order.fulfillments", order));
      if (!printJson(out, on)) {
        out.println(d.name().toLowerCase(java.util.Locale.ROOT) + " of " + request.energy().format() + " at "
            + request.power().format() + " accepted");
        out.print(Show.order(on.message().order()));
      }
      return 0;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Terminate an order and settle.")
  static final class Cancel extends Base {
    @Mixin BapOptions.Target target;
    @Option(names = "--order-id", required = true, paramLabel = "ID") String orderId;
    @Option(names = "--reason-id", paramLabel = "ID") @Nullable String reasonId;
    @Option(names = "--reason", paramLabel = "TEXT") @Nullable String reason;

    @Override
    int send(DentClient client, PrintWriter out) throws Exception {
      OnCancelCallback on = await(client.cancel(target.target(client), orderId, reasonId,
          reason == null ? null : Descriptor.builder().shortDesc(reason).build()));
      if (!printJson(out, on)) {
        out.print(Show.order(on.message().order()));
        out.print(Show.bill(on.message().order().quote()));
      }
      return 0;
    }
  }
}
