package dev.roster.worker.temporal;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.conventions.RosterSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Registers Roster's search attributes ({@link RosterSearchAttributes#ALL}) in a namespace through
 * the operator API, idempotently: it reads what the namespace has, adds only what is missing, and
 * refuses an attribute that exists with another type (every workflow task that sets it would fail).
 * Where the server cannot list them (the Java test server), it adds all and takes "already exists"
 * as present.
 */
public final class SearchAttributeSetup {

  /** What a run did: the names it added and the names that were there already, with types. */
  public record Report(Map<String, String> added, Map<String, String> present) {
    public Report {
      added = Map.copyOf(added);
      present = Map.copyOf(present);
    }
  }

  private final OperatorServiceStubs operator;

  public SearchAttributeSetup(OperatorServiceStubs operator) {
    this.operator = requireNonNull(operator, "operator is null");
  }

  /**
   * @throws IllegalStateException naming the attribute, its type and the type Roster needs, when
   *     one exists with another type
   * @throws StatusRuntimeException when the server refuses (e.g. PERMISSION_DENIED on Temporal
   *     Cloud, where attributes are added with tcld or the Cloud UI)
   */
  public Report register(String namespace) {
    Map<String, IndexedValueType> wanted = new TreeMap<>(RosterSearchAttributes.ALL);
    Map<String, String> present = new TreeMap<>();
    Optional<Map<String, IndexedValueType>> existing = existing(namespace);
    if (existing.isPresent()) {
      List<String> wrong = new ArrayList<>();
      wanted.forEach(
          (name, type) -> {
            IndexedValueType has = existing.get().get(name);
            if (has == type) {
              present.put(name, typeName(type));
            } else if (has != null) {
              wrong.add(name + " is " + typeName(has) + ", Roster needs " + typeName(type));
            }
          });
      if (!wrong.isEmpty()) {
        throw new IllegalStateException(
            "search attributes of another type in namespace "
                + namespace
                + ": "
                + String.join("; ", wrong)
                + " (remove them or use another namespace)");
      }
      present.keySet().forEach(wanted::remove);
    }
    Map<String, String> added = new TreeMap<>();
    if (!wanted.isEmpty()) {
      try {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putAllSearchAttributes(wanted)
                    .build());
        wanted.forEach((name, type) -> added.put(name, typeName(type)));
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
        wanted.forEach((name, type) -> present.put(name, typeName(type)));
      }
    }
    return new Report(added, present);
  }

  private Optional<Map<String, IndexedValueType>> existing(String namespace) {
    try {
      return Optional.of(
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code Keyword}, {@code KeywordList}: the names the Temporal CLI and Web UI use. */
  public static String typeName(IndexedValueType type) {
    String[] words = type.name().replace("INDEXED_VALUE_TYPE_", "").toLowerCase().split("_");
    StringBuilder name = new StringBuilder();
    for (String w : words) {
      name.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return name.toString();
  }
}
