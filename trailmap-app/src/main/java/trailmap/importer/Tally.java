package trailmap.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The running counts of one import. Single-threaded (the runner's thread). */
final class Tally {
  private final Consumer<Rejection> onRejection;
  long accepted;
  long duplicates;
  long parsed;
  long rejected;
  final List<Rejection> firstRejections = new ArrayList<>();

  Tally(Consumer<Rejection> onRejection) {
    this.onRejection = onRejection;
  }

  void reject(String file, long line, String reason) {
    Rejection r = new Rejection(file, line, reason);
    rejected++;
    if (firstRejections.size() < ImportSummary.KEPT_REJECTIONS) {
      firstRejections.add(r);
    }
    onRejection.accept(r);
  }
}
