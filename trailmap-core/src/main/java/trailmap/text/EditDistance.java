package trailmap.text;

/**
 * The edit distance behind every "did you mean …?": Levenshtein's insertions, deletions and
 * substitutions, with a swap of two adjacent characters counted as one edit (optimal string
 * alignment), because swapped letters are the commonest typo. Case-sensitive; callers lower-case
 * both sides when case should not count.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The number of edits that turn {@code a} into {@code b}; 0 when they are equal. */
  public static int between(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
