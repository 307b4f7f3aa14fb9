package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
  static final Identity ANON = new Identity(IdentityType.ANONYMOUS_ID, "a-1");
  static final Identity USER = new Identity(IdentityType.USER_ID, "u-1");
  static final Identity EMAIL = new Identity(IdentityType.EMAIL, "ann@example.com");

  final SimulatedProfiles profiles = new SimulatedProfiles(IdentityRules.defaults());

  @Test
  void createsAProfileForIdentitiesNobodyHolds() {
    Resolution decision =
        IdentityResolver.resolve(List.of(ANON), profiles, IdentityRules.defaults());
    assertThat(decision).isEqualTo(new Resolution.Create(List.of(ANON)));
  }

  @Test
  void attachesToTheProfileHoldingAnIdentityAndAddsTheNewOnes() {
    ProfileId anonymous = profiles.apply(List.of(ANON));
    Resolution decision =
        IdentityResolver.resolve(List.of(ANON, USER), profiles, IdentityRules.defaults());
    assertThat(decision)
        .isEqualTo(new Resolution.Attach(anonymous, List.of(USER), java.util.Optional.empty()));
  }

  @Test
  void mergesEveryProfileHoldingOneOfTheIdentitiesIntoTheLargest() {
    ProfileId small = profiles.apply(List.of(ANON));
    ProfileId large = profiles.apply(List.of(USER, new Identity(IdentityType.ANONYMOUS_ID, "a-2")));
    Resolution decision =
        IdentityResolver.resolve(List.of(ANON, USER, EMAIL), profiles, IdentityRules.defaults());
    assertThat(decision).isEqualTo(new Resolution.Merge(large, List.of(small), List.of(EMAIL)));
  }

  @Test
  void refusesAMergeOverTheLimitAndSaysWhy() {
    IdentityRules rules = IdentityRules.defaults().withMaxIdentitiesPerProfile(6);
    SimulatedProfiles limited = new SimulatedProfiles(rules);
    ProfileId big = limited.apply(anonymous(0, 4));
    ProfileId other = limited.apply(anonymous(10, 3));
    Resolution decision =
        IdentityResolver.resolve(
            List.of(anonymous(0, 1).getFirst(), anonymous(10, 1).getFirst()), limited, rules);
    assertThat(decision).isInstanceOf(Resolution.Attach.class);
    Resolution.Attach attach = (Resolution.Attach) decision;
    assertThat(attach.target()).isEqualTo(big);
    assertThat(attach.refused()).isPresent();
    LimitRefusal refusal = attach.refused().orElseThrow();
    assertThat(refusal.notMerged()).containsExactly(other);
    assertThat(refusal.wouldHave()).isEqualTo(7);
    assertThat(refusal.message())
        .contains("merge [" + other + "] into profile " + big)
        .contains("7 identities, over the limit of 6 (maxIdentitiesPerProfile)");
  }

  @Test
  void refusesToGrowAProfileOverTheLimitButStillAttachesTheEvent() {
    IdentityRules rules = IdentityRules.defaults().withMaxIdentitiesPerProfile(6);
    SimulatedProfiles limited = new SimulatedProfiles(rules);
    ProfileId full = limited.apply(anonymous(0, 6));
    List<Identity> event = List.of(anonymous(0, 1).getFirst(), USER);
    Resolution decision = IdentityResolver.resolve(event, limited, rules);
    assertThat(decision.profile()).contains(full);
    Resolution.Attach attach = (Resolution.Attach) decision;
    assertThat(attach.added()).isEmpty();
    assertThat(attach.refused().orElseThrow().notAdded()).containsExactly(USER);
    assertThat(attach.refused().orElseThrow().message()).startsWith("refused to add identities");
  }

  @Test
  void aLimitBelowWhatOneEventCarriesIsRejected() {
    assertThatThrownBy(() -> IdentityRules.defaults().withMaxIdentitiesPerProfile(5))
        .hasMessage("maxIdentitiesPerProfile must be between 6 and 100000, was 5");
  }

  @Test
  void mergesAreExplainedByWholeGroups() {
    profiles.apply(List.of(ANON));
    profiles.apply(List.of(USER));
    profiles.apply(List.of(ANON, USER));
    assertThat(profiles.partition()).containsExactly(Set.of(ANON, USER));
  }

  static List<Identity> anonymous(int from, int count) {
    return java.util.stream.IntStream.range(from, from + count)
        .mapToObj(i -> new Identity(IdentityType.ANONYMOUS_ID, "anon-" + i))
        .toList();
  }
}
