package trailmap.maps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches the elements of an old and a new list by a key: the n-th element with a key in the old
 * list goes with the n-th element with that key in the new list, so duplicate keys (two equal
 * actions, say) pair up one to one instead of vanishing.
 *
 * @param matches every element of the new list in its order, with its old partner if it has one
 * @param unmatched the elements of the old list that have no partner, in the old list's order
 */
record Pairing<T>(List<Match<T>> matches, List<T> unmatched) {

  /** An element of the new list and, when there is one, its partner from the old list. */
  record Match<T>(T after, Optional<T> before) {}

  static <T> Pairing<T> of(List<T> before, List<T> after, Function<T, ?> key) {
    Map<Object, List<Integer>> waiting = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      waiting.computeIfAbsent(key.apply(before.get(i)), k -> new ArrayList<>()).add(i);
    }
    boolean[] taken = new boolean[before.size()];
    List<Match<T>> matches = new ArrayList<>();
    for (T element : after) {
      List<Integer> candidates = waiting.getOrDefault(key.apply(element), List.of());
      if (candidates.isEmpty()) {
        matches.add(new Match<>(element, Optional.empty()));
      } else {
        int index = candidates.removeFirst();
        taken[index] = true;
        matches.add(new Match<>(element, Optional.of(before.get(index))));
      }
    }
    List<T> unmatched = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!taken[i]) {
        unmatched.add(before.get(i));
      }
    }
    return new Pairing<>(List.copyOf(matches), List.copyOf(unmatched));
  }
}
