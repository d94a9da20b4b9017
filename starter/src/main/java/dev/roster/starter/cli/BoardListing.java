package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.board.BoardItem;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that lists one kind of open item of the request board ({@code approvals}, {@code
 * tasks}): connects, reads the items, and prints them as the command's table, or a line saying
 * there are none.
 */
abstract class BoardListing implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  private final String kind;
  private final String none;
  private final String header;
  private final BiConsumer<PrintWriter, BoardItem> row;
  private final String closing;

  /**
   * @param kind the {@link BoardItem} kind listed
   * @param none the line printed when nothing is open
   * @param header the table's first line
   * @param row prints one open item
   * @param closing the line after the table (what to do next), or empty
   */
  BoardListing(
      String kind,
      String none,
      String header,
      BiConsumer<PrintWriter, BoardItem> row,
      String closing) {
    this.kind = kind;
    this.none = none;
    this.header = header;
    this.row = row;
    this.closing = closing;
  }

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      List<BoardItem> open = Board.items(connection.client(), kind);
      if (open.isEmpty()) {
        out.println(none);
      } else {
        out.println(header);
        open.forEach(item -> row.accept(out, item));
        if (!closing.isEmpty()) {
          out.println(closing);
        }
      }
      return 0;
    }
  }
}
