package trailmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the functional core pure: no I/O, no logging, no clock reads, no app packages. */
@AnalyzeClasses(packages = "trailmap", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule coreDoesNoIo =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
          .because("trailmap-core is the functional core; I/O belongs to trailmap-app");

  @ArchTest
  static final ArchRule coreDoesNotLog =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.slf4j..", "java.util.logging..", "ch.qos.logback..")
          .because("the core returns values; the app decides what to log");

  @ArchTest
  static final ArchRule coreReadsNoClock =
      noClasses()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.time.LocalDate.class, "now")
          .because(
              "the core takes a Clock from its caller so tests and dry-runs are deterministic");

  @ArchTest
  static final ArchRule coreDoesNotUseTheApp =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "trailmap.cli..", "trailmap.server..", "trailmap.store..", "io.javalin..")
          .because("dependencies point inwards: the app uses the core, never the reverse");
}
