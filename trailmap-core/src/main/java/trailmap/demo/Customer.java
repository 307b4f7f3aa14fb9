package trailmap.demo;

import java.util.random.RandomGenerator;

/**
 * Who one generated profile is: name, contact, where they live and their stable identities.
 *
 * @param utcOffsetHours the usual offset of {@code timezone}, used to put activity in local daytime
 */
record Customer(
    String firstName,
    String lastName,
    String email,
    String phone,
    String country,
    String timezone,
    int utcOffsetHours,
    String userId,
    String webAnonymousId,
    String appAnonymousId) {

  private static final String[] FIRST = {
    "Alex", "Sam", "Maya", "Priya", "Jonas", "Lena", "Tom", "Sofia", "Noah", "Emma", "Lucas", "Mia",
    "Omar", "Chloe", "Finn", "Ana", "Ravi", "Julia", "Leo", "Nora", "Mateo", "Ines", "Hugo", "Zoe"
  };
  private static final String[] LAST = {
    "Smith", "Jones", "Schmidt", "Müller", "de Vries", "Jansen", "Martin", "Dubois", "Garcia",
    "Lopez", "Murphy", "Kelly", "Andersson", "Johansson", "Patel", "Khan", "Rossi", "Brown",
    "Novak", "Silva", "Bakker", "Meyer", "Walsh", "Larsen"
  };

  /** Country, time zone and usual UTC offset, with the share of customers from there. */
  private record Place(String country, String timezone, int offset, double weight) {}

  private static final Place[] PLACES = {
    new Place("GB", "Europe/London", 0, 0.28),
    new Place("DE", "Europe/Berlin", 1, 0.18),
    new Place("NL", "Europe/Amsterdam", 1, 0.12),
    new Place("FR", "Europe/Paris", 1, 0.10),
    new Place("IE", "Europe/Dublin", 0, 0.08),
    new Place("ES", "Europe/Madrid", 1, 0.08),
    new Place("SE", "Europe/Stockholm", 1, 0.06),
    new Place("US", "America/New_York", -5, 0.10)
  };

  /**
   * The customer of profile {@code profile} under {@code seed}: the ids are a bijection of the
   * profile number for a seed, so two profiles of one run never share an identity.
   */
  static Customer of(long seed, long profile, RandomGenerator random) {
    long userKey = Ids.mix(Ids.mix(seed ^ 0x75736572L) + profile);
    String userId = "u_" + Ids.hex16(userKey);
    String web = Ids.uuid(Ids.mix(seed ^ 0x776562L) + profile, userKey);
    String app = Ids.uuid(Ids.mix(seed ^ 0x617070L) + profile, ~userKey);
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String email =
        (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace('ü', 'u')
            + "."
            + userId.substring(2, 8)
            + "@example.com";
    Place place = PLACES[PLACES.length - 1];
    double roll = random.nextDouble();
    for (Place p : PLACES) {
      roll -= p.weight();
      if (roll < 0) {
        place = p;
        break;
      }
    }
    String phone = "+44 7700 9" + String.format(java.util.Locale.ROOT, "%05d", profile % 100_000);
    return new Customer(
        first,
        last,
        email,
        phone,
        place.country(),
        place.timezone(),
        place.offset(),
        userId,
        web,
        app);
  }
}
