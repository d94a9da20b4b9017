package dev.roster.worker.reliability;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.FaultProxy;
import dev.roster.sandbox.ProxyFault;
import dev.roster.worker.testbed.FourVendorsOptions;
import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.OnboardResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability acceptance of issue 10: 100 onboardings on two accounts (Brevo: invitation,
 * contact, list; listmonk: user, subscriber, list) and a 5,000-row import into both, once straight
 * to the fakes and once through fault proxies that fault 20% of the requests (every {@link
 * ProxyFault}, seeded). Both runs in one test on the time-skipping server, timed on its clock.
 *
 * <p>Budgets are scaled down so a run takes tens of seconds: 30 requests a second per family on the
 * worker's side, far more on the fakes' (the proxies inject the 429s). Invitations are accepted 10
 * s after they are sent and the watcher looks every 5 s.
 */
class FaultyVendorsTest {
  private static final int PEOPLE = 100;
  private static final int ROWS = 5_000;
  private static final long SEED = 20_261_101L;
  private static final String INVITE = "/v3/organization/user/invitation/send";

  @TempDir Path dir;

  @Test
  @Timeout(900)
  void everythingCompletesOnceThroughTwentyPercentFaultsWithinTwiceTheFaultFreeTime() {
    Path csv = rows(dir.resolve("rows.csv"));
    Duration clean = run(csv, 0.0).last();
    Completions faultyRun = run(csv, 0.2);
    Duration faulty = faultyRun.last();
    System.out.println("reliability: slowest at 20% faults " + faultyRun.slowest(3));

    System.out.printf(
        "reliability: last workflow done after %s without faults, %s at 20%% faults (%.2fx;"
            + " the bound is 2x)%n",
        clean, faulty, faulty.toMillis() / (double) clean.toMillis());
    assertThat(faulty).isLessThanOrEqualTo(clean.multipliedBy(2));
  }

  private Completions run(Path csv, double fraction) {
    FourVendorsOptions options =
        FourVendorsOptions.builder()
            .workerBudget("{requests: 30, per: 1s}")
            .fakeLimit(10_000, Duration.ofSeconds(1))
            .invitations("{pollInterval: 5s, resendAfter: 3d, expireAfter: 7d}")
            .brevoAcceptAfter(Duration.ofSeconds(10))
            .proxy(FaultProxy.Options.of(fraction, SEED))
            .imports(dir)
            .build();
    try (FourVendorsTestbed bed = new FourVendorsTestbed(options)) {
      Instant start = Instant.ofEpochMilli(bed.env.currentTimeMillis());
      List<String> ids = new ArrayList<>();
      List<String> people = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        String email = "person" + i + "@example.com";
        people.add(email);
        ids.add(FourVendorsTestbed.onboardingId(email));
        bed.startOnboarding(email, BREVO, LISTMONK);
      }
      String importId = "import-reliability";
      startImport(bed.client, importId, csv);
      ids.add(importId);

      for (int i = 0; i < PEOPLE; i++) {
        OnboardResult result =
            bed.client.newUntypedWorkflowStub(ids.get(i)).getResult(OnboardResult.class);
        assertThat(result.outcome()).as(people.get(i)).isEqualTo("COMPLETED");
      }
      BulkImportResult imported =
          bed.client.newUntypedWorkflowStub(importId).getResult(BulkImportResult.class);
      assertThat(imported.outcome()).isEqualTo("COMPLETED");
      for (AccountProgress account : imported.status().progress().accounts()) {
        assertThat(account.confirmed()).as(account.account()).isEqualTo(ROWS);
      }
      checkVendors(bed, people, fraction);
      return Completions.of(bed.client, ids, start);
    }
  }

  /** Every person invited once and on every list; every row there once. */
  private static void checkVendors(FourVendorsTestbed bed, List<String> people, double fraction) {
    Set<String> everyone = new TreeSet<>(people);
    for (int i = 0; i < ROWS; i++) {
      everyone.add(row(i));
    }
    for (String email : people) {
      assertThat(bed.brevo.member(email).orElseThrow().isActive()).as(email).isTrue();
      assertThat(bed.listmonk.user(email)).as(email).isPresent();
    }
    // An invitation the vendor received twice would be a second POST that reached it.
    assertThat(bed.brevo.calls("POST", INVITE)).isEqualTo(PEOPLE);
    assertThat(bed.listmonk.calls("POST", "/api/users")).isEqualTo(PEOPLE);
    assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).isEqualTo(everyone);
    assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).isEqualTo(everyone);
    assertThat(bed.brevo.contacts()).hasSize(everyone.size());
    for (FaultProxy proxy : List.of(bed.proxies.get(BREVO), bed.proxies.get(LISTMONK))) {
      Map<ProxyFault, Integer> counts = proxy.counts();
      int faulted = counts.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf(
          "reliability: proxy at %.0f%%: %d requests, %d faulted %s%n",
          fraction * 100, proxy.requests(), faulted, counts);
      if (fraction > 0) {
        assertThat(faulted).isBetween(proxy.requests() / 10, proxy.requests() * 3 / 10);
        assertThat(counts.values()).allMatch(n -> n > 0);
      }
    }
  }

  private static void startImport(WorkflowClient client, String id, Path csv) {
    BulkImportWorkflow stub =
        client.newWorkflowStub(
            BulkImportWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ROSTER).setWorkflowId(id).build());
    BulkImportRequest request =
        new BulkImportRequest(
            csv.toString(),
            List.of(
                new ImportTarget(BREVO, List.of(Long.toString(BREVO_LIST))),
                new ImportTarget(LISTMONK, List.of(Long.toString(LISTMONK_LIST)))),
            new ImportSettings(false, 1_000_000, 1_000, null, 0, Duration.ofSeconds(2), 0),
            "alice",
            null,
            null);
    WorkflowClient.start(stub::importContacts, request);
  }

  private static String row(int i) {
    return "row" + i + "@example.com";
  }

  private static Path rows(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("email,first_name,last_name\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(row(i) + ",Row" + i + ",Imported\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
