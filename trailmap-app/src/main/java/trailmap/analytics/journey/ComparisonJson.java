package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import trailmap.analytics.stats.Comparison;

/**
 * The part every comparison answer shares: {@code difference} (a − b with its 95% interval), {@code
 * test} and {@code effectSize}. Numbers that are not defined are written as null.
 */
public final class ComparisonJson {
  private ComparisonJson() {}

  /**
   * Writes {@code difference}, {@code test} and {@code effectSize} of {@code c} into {@code
   * answer}.
   */
  public static void write(ObjectNode answer, Comparison c) {
    ObjectNode difference = answer.putObject("difference");
    SurveyJson.number(difference, "value", c.difference());
    SurveyJson.number(difference, "low", c.low());
    SurveyJson.number(difference, "high", c.high());
    difference.put("method", c.differenceMethod());
    difference.put("of", "a - b");
    ObjectNode test = answer.putObject("test");
    test.put("name", c.test());
    SurveyJson.number(test, "statistic", c.statistic());
    SurveyJson.number(test, "pValue", c.pValue());
    test.put("significant", c.significant());
    test.put("alpha", Comparison.ALPHA);
    ObjectNode effect = answer.putObject("effectSize");
    effect.put("name", c.effectName());
    SurveyJson.number(effect, "value", c.effect());
    effect.put("magnitude", c.magnitude());
  }

  /** A number field, null when it is NaN or infinite. */
  public static void number(ObjectNode target, String field, double value) {
    SurveyJson.number(target, field, value);
  }
}
