package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

  @Test
  void mapsKnownColumnsCaseInsensitivelyWithAliases() {
    ColumnMapping mapping =
        ColumnMapping.of(
            List.of("E-Mail", "EMAIL", "First Name", "LASTNAME", "Lists", "Role", "attr.Company"),
            Map.of(),
            false);
    assertThat(mapping.emailColumn()).isEqualTo(1);
    assertThat(mapping.firstNameColumn()).isEqualTo(2);
    assertThat(mapping.lastNameColumn()).isEqualTo(3);
    assertThat(mapping.listsColumn()).isEqualTo(4);
    assertThat(mapping.roleColumn()).isEqualTo(5);
    assertThat(mapping.attributeColumns()).containsExactly(Map.entry(6, "Company"));
    assertThat(mapping.unknownColumns()).containsExactly("E-Mail");
  }

  @Test
  void configuredAttributeColumnsMapToVendorNames() {
    ColumnMapping mapping =
        ColumnMapping.of(List.of("email", "Plan", "notes"), Map.of("plan", "PLAN_TIER"), false);
    assertThat(mapping.attributeColumns()).containsExactly(Map.entry(1, "PLAN_TIER"));
    assertThat(mapping.unknownColumns()).containsExactly("notes");
    assertThat(mapping.isMapped(1)).isTrue();
    assertThat(mapping.isMapped(2)).isFalse();
  }

  @Test
  void unknownColumnsAreReportedOnceByNameAndBlankOnesByPosition() {
    ColumnMapping mapping =
        ColumnMapping.of(List.of("email", "emial", "", "notes"), Map.of(), false);
    assertThat(mapping.unknownColumns()).containsExactly("emial", "(blank column 3)", "notes");
  }

  @Test
  void unknownColumnsAreFatalWhenConfigured() {
    assertThatThrownBy(() -> ColumnMapping.of(List.of("email", "notes"), Map.of(), true))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.BAD_HEADER))
        .hasMessageContaining("notes");
  }

  @Test
  void missingEmailColumnIsFatalAndCountsTheColumnsWithoutRepeatingThem() {
    // Without a header row, line 1 is a person's data: never repeated in a message.
    assertThatThrownBy(
            () -> ColumnMapping.of(List.of("ada@example.com", "Ada", "Lovelace"), Map.of(), false))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.BAD_HEADER))
        .hasMessageContaining("line 1 has 3 columns, none named 'email'")
        .hasMessageNotContaining("ada@")
        .hasMessageNotContaining("Lovelace");
  }

  @Test
  void aFieldMappedTwiceIsFatal() {
    assertThatThrownBy(
            () -> ColumnMapping.of(List.of("email", "first_name", "FirstName"), Map.of(), false))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.BAD_HEADER))
        .hasMessageContaining("columns 2 ('first_name') and 3 ('FirstName')");
  }
}
