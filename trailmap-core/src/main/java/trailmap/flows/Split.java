package trailmap.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sends a profile down one of several branches. */
public record Split(String id, Rule rule) implements Step {
  public Split {
    Names.requireId(id, "step");
    Names.require(rule, "split '" + id + "' rule");
  }

  @Override
  public List<String> targets() {
    List<String> out = new ArrayList<>();
    switch (rule) {
      case ByCondition c -> {
        c.branches().forEach(b -> b.next().ifPresent(out::add));
        c.otherwise().ifPresent(out::add);
      }
      case Random r -> r.variants().forEach(v -> v.next().ifPresent(out::add));
    }
    return out.stream().distinct().toList();
  }

  /** How the branch is chosen. */
  public sealed interface Rule permits ByCondition, Random {}

  /** The first branch whose condition holds, else {@code otherwise} (the flow ends when empty). */
  public record ByCondition(List<Branch> branches, Optional<String> otherwise) implements Rule {
    public ByCondition {
      branches = Names.copy(branches);
      otherwise = otherwise == null ? Optional.empty() : otherwise;
      if (branches.isEmpty()) {
        throw new IllegalArgumentException("a condition split needs at least one branch");
      }
    }
  }

  /** One branch of a condition split; an empty {@code next} ends the flow. */
  public record Branch(Condition condition, Optional<String> next) {
    public Branch {
      Names.require(condition, "branch condition");
      next = next == null ? Optional.empty() : next;
    }
  }

  /**
   * Random A/B/n: each profile gets a variant with probability weight/sum of weights, fixed by a
   * hash of flow, split and profile. A {@code holdout} share (0 to 0.5) of the profiles is held
   * out: they follow their variant's path, but are sent no messages, so the variants' conversion
   * can be compared with doing nothing.
   */
  public record Random(List<Variant> variants, double holdout) implements Rule {
    public Random {
      variants = Names.copy(variants);
      if (variants.size() < 2) {
        throw new IllegalArgumentException(
            "a random split needs at least 2 variants, has " + variants.size());
      }
      if (!(holdout >= 0 && holdout <= 0.5)) {
        throw new IllegalArgumentException(
            "a split's holdout must be between 0 and 0.5, was " + holdout);
      }
      List<String> names = variants.stream().map(Variant::name).toList();
      if (names.stream().distinct().count() != names.size()) {
        throw new IllegalArgumentException("variant names must be unique, were " + names);
      }
    }

    public int totalWeight() {
      return variants.stream().mapToInt(Variant::weight).sum();
    }
  }

  /** A variant of a random split; an empty {@code next} ends the flow. */
  public record Variant(String name, int weight, Optional<String> next) {
    public Variant {
      Names.requireId(name, "variant");
      next = next == null ? Optional.empty() : next;
      if (weight < 1 || weight > 1000) {
        throw new IllegalArgumentException(
            "variant '" + name + "' weight must be between 1 and 1000, was " + weight);
      }
    }
  }
}
