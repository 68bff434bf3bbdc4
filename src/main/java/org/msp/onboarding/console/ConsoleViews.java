package org.msp.onboarding.console;

import java.util.ArrayList;
import java.util.List;
import org.msp.onboarding.console.ConsoleQueries.AttemptView;
import org.msp.onboarding.console.ConsoleQueries.StatusCount;
import org.msp.onboarding.console.ConsoleQueries.TaskView;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterView;
import org.msp.onboarding.devices.PendingDevices.PendingDevice;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.ops.SagaViews.SagaSummary;

/** What the console's templates render; built on the ops API's own views. */
public final class ConsoleViews {
  private ConsoleViews() {}

  /** The saga list's filters, as given; {@link #link} keeps them across pages. */
  public record Filters(String status, String clientId, String organizationName) {
    public String link(String after) {
      List<String> query = new ArrayList<>();
      add(query, "status", status);
      add(query, "clientId", clientId);
      add(query, "organizationName", organizationName);
      add(query, "after", after);
      return ConsoleSignIn.SAGAS + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    public boolean any() {
      return present(status) || present(clientId) || present(organizationName);
    }

    /** The link that filters by one status, other filters kept. */
    public String withStatus(String wanted) {
      return new Filters(wanted, clientId, organizationName).link(null);
    }

    private static void add(List<String> query, String name, String value) {
      if (present(value)) {
        query.add(name + "=" + ConsoleErrors.encode(value));
      }
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }
  }

  public record SagaListView(
      List<StatusCount> counts,
      Filters filters,
      List<SagaSummary> sagas,
      String olderLink,
      String newestLink,
      String notice,
      int refreshSeconds) {

    public long total() {
      return counts.stream().mapToLong(StatusCount::count).sum();
    }
  }

  public record SagaView(
      SagaDetail saga,
      String organizationLink,
      List<AttemptView> attempts,
      List<TaskView> tasks,
      boolean canRetry,
      boolean canCompensate,
      boolean canRerun,
      String notice,
      int refreshSeconds,
      List<PendingDevice> pendingDevices,
      boolean canDecideDevices) {

    /** Whether anything was rolled back or is being: then the compensation record is shown. */
    public boolean compensation() {
      return saga.failureCode() != null
          || saga.cleanupTask() != null
          || saga.steps().stream().anyMatch(s -> s.compensationAttempts() > 0);
    }
  }

  /** The dead-letter list's filters, as given; {@link #link} keeps them across pages. */
  public record DeadLetterFilters(String clientId, String reason) {
    public String link(String after) {
      List<String> query = new ArrayList<>();
      Filters.add(query, "clientId", clientId);
      Filters.add(query, "reason", reason);
      Filters.add(query, "after", after);
      return ConsoleDeadLetterPages.LETTERS
          + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    public boolean any() {
      return Filters.present(clientId) || Filters.present(reason);
    }
  }

  public record DeadLetterListView(
      DeadLetterFilters filters,
      List<String> reasonCodes,
      List<DeadLetterView> letters,
      String olderLink,
      String newestLink,
      String notice) {}
}
