package trailmap.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest; "development" when run from classes. */
final class TrailmapVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Trailmap.class.getPackage().getImplementationVersion();
    return new String[] {
      "trailmap " + (version == null ? "development" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
