package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.maps.Kpi;

class KpiTextTest {
  @org.junit.jupiter.api.Test
  void keepsEachValueWithItsUnit() {
    Kpi kpi = new Kpi("k", "Trial → paid", "", Optional.of(25.0), "%", Optional.of(12.0), null);

    assertThat(KpiText.of(kpi)).isEqualTo("Trial → paid: 25\u00A0% (now 12\u00A0%)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Trial → paid | 25    | 12   | %    | Trial → paid: 25 % (now 12 %)",
        "Trial → paid | 25    | -    | %    | Trial → paid: 25 %",
        "Trial → paid | -     | 12   | %    | Trial → paid: now 12 %",
        "Trial → paid | -     | -    | %    | Trial → paid",
        "Time to file | 2.5   | 3.75 | days | Time to file: 2.5 days (now 3.75 days)",
        "NPS          | 40    | 31   | ''   | NPS: 40 (now 31)",
        "Share        | 0.125 | -    | ''   | Share: 0.13",
      })
  void writesNameTargetAndCurrentValue(
      String name, Double target, Double current, String unit, String expected) {
    Kpi kpi =
        new Kpi(
            "k", name, "", Optional.ofNullable(target), unit, Optional.ofNullable(current), null);

    // The table writes the no-break space between value and unit as a plain space.
    assertThat(KpiText.of(kpi).replace('\u00A0', ' ')).isEqualTo(expected);
  }
}
