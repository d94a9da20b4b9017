package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's ChangeAccess input, read as the worker reads a {@code json/plain} payload from the
 * Temporal CLI: it must be the request it describes, accepted by the starter's checks for the
 * accounts it names, under the workflow id the README gives it.
 */
class ReadmeChangeAccessTest {

  @Test
  void theReadmeInputIsAValidChangeAccessRequestUnderItsId() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher start =
        Pattern.compile(
                "temporal workflow start [^\\n]*--type ChangeAccess --workflow-id (\\S+)[\\s\\S]*?"
                    + "--input '([^']*)'")
            .matcher(readme);
    assertThat(start.find()).as("a ChangeAccess start in the README").isTrue();
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFrom(start.group(2), StandardCharsets.UTF_8))
            .build();
    ChangeAccessRequest request =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            payload, ChangeAccessRequest.class, ChangeAccessRequest.class);

    ChangeStarter starter =
        new ChangeStarter(
            null,
            new SubjectHasher("readme-subject-key-0123456789abc".getBytes(StandardCharsets.UTF_8)),
            ConfiguredAccounts.idsOnly(
                List.of("brevo-main", "listmonk-main", "mailersend-main", "mailjet-main")));
    assertThat(starter.problems(request)).isEmpty();
    assertThat(starter.workflowId(request)).isEqualTo(start.group(1));
    assertThat(request.changes())
        .contains(new AccessChange("brevo-main", "admin", List.of("2"), List.of()));
    assertThat(request.removeAccounts()).containsExactly("mailjet-main");
    assertThat(request.addAccounts())
        .singleElement()
        .satisfies(a -> assertThat(a.role()).isEqualTo("editor"));
  }
}
