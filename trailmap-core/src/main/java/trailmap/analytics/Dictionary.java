package trailmap.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings numbered in first-seen order from 0, so columns can hold ints and comparisons are int
 * compares. A dictionary only grows while its table is built; a built table's dictionaries are
 * read-only by contract (they are not shared with a builder any more).
 */
public final class Dictionary {
  /** What {@link #lookup} answers for a string the dictionary does not hold. */
  public static final int ABSENT = -1;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> texts = new ArrayList<>();

  /** The id of {@code text}, adding it when new. */
  int intern(String text) {
    Integer id = ids.get(text);
    if (id != null) {
      return id;
    }
    int next = texts.size();
    ids.put(text, next);
    texts.add(text);
    return next;
  }

  /** The id of {@code text}, or {@link #ABSENT}. */
  public int lookup(String text) {
    Integer id = ids.get(text);
    return id == null ? ABSENT : id;
  }

  /** The string numbered {@code id}. */
  public String text(int id) {
    return texts.get(id);
  }

  /** How many strings it holds; ids run from 0 to size - 1. */
  public int size() {
    return texts.size();
  }

  /** All strings, in id order. */
  public List<String> texts() {
    return List.copyOf(texts);
  }
}
