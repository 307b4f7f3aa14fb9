package trailmap.maps;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ids changed place between two orderings. The ids in both lists that keep their relative
 * order form a longest common subsequence; every other shared id is one that moved. Inserting or
 * removing an element therefore moves nothing else.
 *
 * <p>When two subsequences are equally long (two stages swapped, say), the ids reported as moved
 * are those that travelled farther in the full lists: after "retention to the front" the diff says
 * retention moved, not that the other stages did.
 */
final class Reordering {
  private Reordering() {}

  /**
   * The ids present in both lists that are not part of the chosen longest common subsequence. Ids
   * are expected to be unique in each list; the result is the same for equal inputs.
   */
  static Set<String> moved(List<String> before, List<String> after) {
    Set<String> inAfter = new HashSet<>(after);
    Set<String> inBefore = new HashSet<>(before);
    List<String> a = before.stream().filter(inAfter::contains).toList();
    List<String> b = after.stream().filter(inBefore::contains).toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    Set<String> skipOld = movedBy(a, b, lcs, true);
    Set<String> skipNew = movedBy(a, b, lcs, false);
    return distance(skipNew, before, after) > distance(skipOld, before, after) ? skipNew : skipOld;
  }

  /** Walks the table back; on a tie, skips an element of the old list or of the new one. */
  private static Set<String> movedBy(
      List<String> a, List<String> b, int[][] lcs, boolean onTieSkipOld) {
    Set<String> kept = new HashSet<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (a.get(i).equals(b.get(j))) {
        kept.add(a.get(i));
        i++;
        j++;
      } else if (lcs[i + 1][j] > lcs[i][j + 1]
          || (lcs[i + 1][j] == lcs[i][j + 1] && onTieSkipOld)) {
        i++;
      } else {
        j++;
      }
    }
    Set<String> moved = new HashSet<>(b);
    moved.removeAll(kept);
    return moved;
  }

  private static int distance(Set<String> moved, List<String> before, List<String> after) {
    return moved.stream().mapToInt(id -> Math.abs(before.indexOf(id) - after.indexOf(id))).sum();
  }
}
