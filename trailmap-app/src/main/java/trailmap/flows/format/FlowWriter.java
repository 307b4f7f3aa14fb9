package trailmap.flows.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.Condition;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.Message;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.Wait;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;
import trailmap.text.DurationText;

/**
 * Writes a flow in the documented file format; {@link FlowReader} reads the output back to an equal
 * flow, provided goals with an event come after the other steps (the format lists them apart, under
 * {@code goals}). Thread-safe.
 */
public final class FlowWriter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FlowWriter() {}

  public static String toYaml(Flow flow) {
    return write(YAML, flow);
  }

  public static String toJson(Flow flow) {
    return write(JSON, flow) + "\n";
  }

  /** The flow as plain maps and lists, the shape of the file format. */
  public static Map<String, Object> toTree(Flow flow) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", flow.id());
    out.put("name", flow.name());
    out.put("version", flow.version());
    flow.description().ifPresent(d -> out.put("description", d));
    out.put("priority", flow.priority());
    if (flow.holdout() > 0) {
      out.put("holdout", flow.holdout());
    }
    flow.quietHours()
        .ifPresent(
            q ->
                out.put(
                    "quietHours",
                    Map.of("start", q.start().toString(), "end", q.end().toString())));
    out.put("trigger", trigger(flow.trigger()));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reentry", flow.entry().reentry());
    flow.entry().minimumGap().ifPresent(g -> entry.put("minimumGap", DurationText.format(g)));
    Optional<Duration> maxAge = flow.entry().maxTriggerAge();
    if (!maxAge.equals(Optional.of(EntryRules.DEFAULT_MAX_TRIGGER_AGE))) {
      entry.put("maxTriggerAge", maxAge.map(DurationText::format).orElse(FlowBinder.ANY_AGE));
    }
    if (!flow.entry().audience().isEmpty()) {
      entry.put("audience", where(flow.entry().audience()));
    }
    out.put("entry", entry);
    List<Step> path =
        flow.steps().stream().filter(s -> !(s instanceof Goal g && g.event().isPresent())).toList();
    List<Object> steps = new java.util.ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      Optional<String> following =
          i + 1 < path.size() ? Optional.of(path.get(i + 1).id()) : Optional.empty();
      steps.add(step(path.get(i), following));
    }
    out.put("steps", steps);
    List<Object> goals =
        flow.eventGoals().stream()
            .map(
                g -> {
                  Map<String, Object> goal = new LinkedHashMap<>();
                  goal.put("id", g.id());
                  event(goal, "event", g.event().orElseThrow());
                  return (Object) goal;
                })
            .toList();
    if (!goals.isEmpty()) {
      out.put("goals", goals);
    }
    if (!flow.exits().isEmpty()) {
      out.put("exits", flow.exits().stream().map(FlowWriter::exit).toList());
    }
    return out;
  }

  private static String write(ObjectMapper mapper, Flow flow) {
    try {
      return mapper.writeValueAsString(toTree(flow));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise flow " + flow.id(), e);
    }
  }

  private static Map<String, Object> trigger(Trigger trigger) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (trigger) {
      case Trigger.OnEvent on -> event(out, "event", on.match());
      case Trigger.TouchpointEntered t -> {
        out.put("map", t.mapId());
        out.put("touchpoint", t.touchpointId());
      }
      case Trigger.StageEntered t -> {
        out.put("map", t.mapId());
        out.put("stage", t.stageId());
      }
      case Trigger.SegmentEntered s -> out.put("segment", s.segmentId());
      case Trigger.Schedule s -> out.put("schedule", s.cron().expression());
      case Trigger.Api a -> out.put("api", true);
    }
    return out;
  }

  private static void event(Map<String, Object> out, String field, EventMatch match) {
    out.put(field, match.event());
    if (!match.where().isEmpty()) {
      out.put("where", where(match.where()));
    }
  }

  private static Map<String, Object> exit(Exit exit) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (exit) {
      case Exit.OnEvent on -> event(out, "event", on.match());
      case Exit.WhenTraits when -> out.put("traits", where(when.traits()));
    }
    return out;
  }

  private static String target(Optional<String> next) {
    return next.orElse("end");
  }

  private static Map<String, Object> step(Step step, Optional<String> following) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", step.id());
    switch (step) {
      case Wait wait -> {
        out.put("wait", until(wait.until()));
        next(out, wait.next(), following);
      }
      case Split split -> out.put("split", split(split.rule(), following));
      case Action action -> {
        act(out, action.act());
        next(out, action.next(), following);
      }
      case Goal goal -> {
        Map<String, Object> body = new LinkedHashMap<>();
        goal.event().ifPresent(e -> event(body, "event", e));
        out.put("goal", body);
      }
    }
    return out;
  }

  private static void next(
      Map<String, Object> out, Optional<String> next, Optional<String> following) {
    if (!next.equals(following)) {
      out.put("next", target(next));
    }
  }

  private static Object until(Wait.Until until) {
    return switch (until) {
      case Wait.Until.Elapsed e -> DurationText.format(e.duration());
      case Wait.Until.TimeOfDay t -> Map.of("time", t.time().toString());
      case Wait.Until.Date d -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", d.date().toString());
        out.put("time", d.time().toString());
        yield out;
      }
      case Wait.Until.Event e -> {
        Map<String, Object> out = new LinkedHashMap<>();
        event(out, "event", e.match());
        out.put("timeout", DurationText.format(e.timeout()));
        out.put("onTimeout", target(e.onTimeout()));
        yield out;
      }
    };
  }

  private static Map<String, Object> split(Split.Rule rule, Optional<String> following) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (rule) {
      case Split.ByCondition c -> {
        out.put(
            "branches",
            c.branches().stream()
                .map(
                    b -> {
                      Map<String, Object> branch = new LinkedHashMap<>();
                      branch.put("if", condition(b.condition()));
                      branch.put("next", target(b.next()));
                      return (Object) branch;
                    })
                .toList());
        if (!c.otherwise().equals(following)) {
          out.put("otherwise", target(c.otherwise()));
        }
      }
      case Split.Random r -> {
        out.put(
            "variants",
            r.variants().stream()
                .map(
                    v -> {
                      Map<String, Object> variant = new LinkedHashMap<>();
                      variant.put("name", v.name());
                      variant.put("weight", v.weight());
                      variant.put("next", target(v.next()));
                      return (Object) variant;
                    })
                .toList());
        if (r.holdout() > 0) {
          out.put("holdout", r.holdout());
        }
      }
    }
    return out;
  }

  private static Map<String, Object> condition(Condition condition) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (condition) {
      case Condition.Traits t -> out.put("traits", where(t.traits()));
      case Condition.Not n -> out.put("not", condition(n.condition()));
      case Condition.Did d -> {
        event(out, "did", d.match());
        if (d.atLeast() != 1) {
          out.put("atLeast", d.atLeast());
        }
        d.within().ifPresent(w -> out.put("within", DurationText.format(w)));
      }
    }
    return out;
  }

  private static void act(Map<String, Object> out, Act act) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (act) {
      case Message.Email e -> {
        body.put("template", e.template());
        body.put("subject", e.subject());
        body.put("to", e.toTrait());
        body.put("topic", e.topic());
        out.put("email", body);
      }
      case Message.Sms s -> {
        body.put("provider", s.provider());
        body.put("body", s.body());
        body.put("to", s.toTrait());
        body.put("topic", s.topic());
        out.put("sms", body);
      }
      case Message.Push p -> {
        body.put("provider", p.provider());
        body.put("title", p.title());
        body.put("body", p.body());
        body.put("to", p.toTrait());
        body.put("topic", p.topic());
        out.put("push", body);
      }
      case Act.Webhook w -> {
        body.put("url", w.url());
        body.put("method", w.method());
        if (!w.bodyTemplate().isEmpty()) {
          body.put("body", w.bodyTemplate());
        }
        out.put("webhook", body);
      }
      case Act.UpdateTrait u -> {
        body.put("trait", u.trait());
        body.put("value", u.value().raw());
        out.put("setTrait", body);
      }
      case Act.Segment s -> out.put(s.add() ? "addToSegment" : "removeFromSegment", s.segmentId());
    }
  }

  private static Map<String, Object> where(List<PropertyCondition> conditions) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (PropertyCondition c : conditions) {
      out.put(
          c.property(),
          switch (c.operator()) {
            case EXISTS -> Map.of("exists", true);
            case IN -> Map.of("in", c.operands().stream().map(Scalar::raw).toList());
            case EQ -> c.operands().getFirst().raw();
            default -> Map.of(c.operator().wireName(), c.operands().getFirst().raw());
          });
    }
    return out;
  }
}
