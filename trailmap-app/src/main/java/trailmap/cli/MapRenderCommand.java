package trailmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.maps.JourneyMap;
import trailmap.maps.render.MapRenderer;
import trailmap.maps.render.RenderFormat;

/** {@code trailmap map render FILE --format html|svg|png|pdf|mermaid -o OUT}. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a map as the classic journey-map grid: stages across, lanes down, emotion curve.",
      "html is one self-contained page; png and pdf are rendered from the same SVG drawing;"
          + " mermaid writes a Mermaid 'journey' diagram for Markdown pages.",
      "Exit codes: 0 written, 1 the map is invalid, 2 a file cannot be read or written."
    })
final class MapRenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The YAML or JSON map.")
  Path file;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "html, svg, png, pdf or mermaid; default: from the -o extension, else html.")
  String format;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "The file to write.")
  Path output;

  @Override
  public Integer call() {
    RenderFormat chosen;
    String name = format != null ? format : extension(output);
    chosen = RenderFormat.fromWireName(name).orElse(null);
    if (chosen == null && format == null) {
      chosen = RenderFormat.fromWireName(name.equals("mmd") ? "mermaid" : "html").orElseThrow();
    }
    if (chosen == null) {
      spec.commandLine()
          .getErr()
          .printf(
              "trailmap: unknown format '%s'; use one of %s%n",
              format,
              Arrays.stream(RenderFormat.values())
                  .map(RenderFormat::wireName)
                  .collect(Collectors.joining(", ")));
      return ExitCodes.UNUSABLE;
    }
    JourneyMap map;
    try {
      map = MapFiles.valid(file);
    } catch (MapFiles.Unusable e) {
      spec.commandLine().getErr().println("trailmap: " + e.getMessage());
      return e.exitCode();
    }
    try {
      Files.write(output, MapRenderer.render(map, chosen));
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("trailmap: cannot write " + output + " (" + e.getMessage() + ")");
      return ExitCodes.UNUSABLE;
    }
    spec.commandLine().getOut().printf("wrote %s (%s)%n", output, chosen.wireName());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static String extension(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
