package trailmap.importer;

import java.util.ArrayList;
import java.util.List;

/** The running counts of one import. Single-threaded (the runner's thread). */
final class Tally {
  long accepted;
  long duplicates;
  long parsed;
  final List<Rejection> rejected = new ArrayList<>();

  void reject(String file, long line, String reason) {
    rejected.add(new Rejection(file, line, reason));
  }
}
