package trailmap.maps.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ids declared in one map, to find duplicates and references to ids that do not exist.
 * References are checked at the end, so a hypothesis may name a touchpoint defined further down.
 */
final class IdRegistry {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private record Reference(String kind, String id, Node at, String from) {}

  private final Problems problems;
  private final Map<String, Map<String, Integer>> declared = new LinkedHashMap<>();
  private final List<Reference> references = new ArrayList<>();

  IdRegistry(Problems problems) {
    this.problems = problems;
  }

  /** Checks the id's form; {@code kind} is e.g. "touchpoint". False after reporting a problem. */
  boolean checkForm(String kind, String id, Node at) {
    if (ID.matcher(id).matches()) {
      return true;
    }
    String slug = slug(id);
    problems.add(
        at,
        "%s id '%s' must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit%s"
            .formatted(kind, id, slug.isEmpty() ? "" : " (e.g. '" + slug + "')"));
    return false;
  }

  /** Declares an id in a namespace (e.g. "touchpoint", or "kpi of stage 'x'"). */
  void declare(String namespace, String kind, String id, Node at) {
    Map<String, Integer> ids = declared.computeIfAbsent(namespace, k -> new LinkedHashMap<>());
    Integer first = ids.putIfAbsent(id, at.line());
    if (first != null) {
      problems.add(
          at, "duplicate %s id '%s' (first defined at line %d)".formatted(kind, id, first));
    }
  }

  /** Records a reference to check once the whole map is read. */
  void refer(String kind, String id, Node at, String from) {
    references.add(new Reference(kind, id, at, from));
  }

  /** Reports every reference to an id that was never declared in its namespace. */
  void checkReferences() {
    for (Reference ref : references) {
      Map<String, Integer> ids = declared.getOrDefault(ref.kind(), Map.of());
      if (!ids.containsKey(ref.id())) {
        problems.add(
            ref.at(),
            "%s refers to %s '%s', which is not on this map%s"
                .formatted(
                    ref.from(), ref.kind(), ref.id(), Suggestions.hint(ref.id(), ids.keySet())));
      }
    }
  }

  /** A lower-case slug of free text: "Trial → Paid %" becomes "trial-paid". */
  static String slug(String text) {
    String slug =
        text.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
  }
}
