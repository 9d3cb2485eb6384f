package io.github.cxkpi.cli;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds case rows that repeat a case event already read. The library's aggregators take case
 * events as given (they keep no per-case state, so that they merge exactly); a file that holds
 * the same event twice would count it twice, so the CLI de-duplicates.
 *
 * <p>A case row carries its case's id, not an id of its own: several rows of one case are
 * normal (opened, first response, solved, reopened, closed). An event is the case id, the status
 * and the reopen count before it: a case is opened, first responded to and closed once, and each
 * solve and reopen happens at its own reopen count. A second row with the same three is a
 * duplicate, whatever its other fields say. Rows are checked in line order: the first is kept.
 * Not thread-safe.
 */
final class CaseEventIds {
  private record Key(String caseId, CaseStatus status, int reopenCount) {}

  private final Map<Key, Long> firstLine = new HashMap<>();

  /**
   * Records a case event read on a line, unless it repeats one.
   *
   * @param event the event
   * @param line its line
   * @return why the row is refused when it repeats an event of an earlier line, else
   *     {@code null}
   */
  @Nullable String duplicate(CaseEvent event, long line) {
    Key key = new Key(event.caseId(), event.status(), event.reopenCount());
    Long first = firstLine.putIfAbsent(key, line);
    if (first == null) {
      return null;
    }
    return "duplicate case event: case_id '" + event.caseId() + "', status "
        + event.status().name().toLowerCase(Locale.ROOT) + ", reopen_count "
        + event.reopenCount() + " was already read on line " + first
        + " (a case event counts once)";
  }
}
