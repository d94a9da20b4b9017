package dev.roster.worker.testbed;

import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import java.util.Map;

/**
 * Finds every {@link Payload} nested anywhere in a protobuf message (a history event, a failure).
 */
public final class PayloadFinder {

  /** Adds each payload in {@code message}, at any depth, to {@code into}. */
  public static void collect(Message message, List<Payload> into) {
    if (message instanceof Payload payload) {
      into.add(payload);
      return;
    }
    for (Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> field :
        message.getAllFields().entrySet()) {
      Object value = field.getValue();
      if (value instanceof List<?> list) {
        for (Object item : list) {
          visit(item, into);
        }
      } else {
        visit(value, into);
      }
    }
  }

  private static void visit(Object value, List<Payload> into) {
    if (value instanceof Message m) {
      collect(m, into);
    }
  }

  private PayloadFinder() {}
}
