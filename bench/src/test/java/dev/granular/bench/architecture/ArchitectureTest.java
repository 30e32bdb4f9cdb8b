package dev.granular.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package rule of {@code make lint} over every module's production classes, this one's included: the bench
 * module is the only one whose class path holds them all (avro, clickhouse-sink, streams-app, test-fixtures, bench).
 * streams-app's own {@code ArchitectureTest} checks the product modules alone.
 */
class ArchitectureTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("dev.granular");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.granular.(**)").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void theProductNeverUsesTheBenchOrTheFixtures() {
    noClasses().that().resideInAnyPackage("dev.granular.app..", "dev.granular.sink..", "dev.granular.avro..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.granular.bench..", "dev.granular.fixtures..")
        .check(PRODUCTION);
  }

  @Test
  void theRuleSeesEveryModulesProductionClassesAndNoTests() {
    Set<String> packages = PRODUCTION.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
    for (String module : new String[] {"dev.granular.avro.codec", "dev.granular.sink.client", "dev.granular.app.sink",
        "dev.granular.fixtures", "dev.granular.bench", "dev.granular.bench.load", "dev.granular.bench.cli"}) {
      assertTrue(packages.contains(module), "not analysed: " + module);
    }
    // JMH's annotation processor names the harness it generates for PlannerBenchmark "<method>_jmhTest".
    assertTrue(PRODUCTION.stream().noneMatch(c -> c.getSimpleName().endsWith("Test") && !c.getSimpleName().endsWith("_jmhTest")),
        "test classes analysed");
  }
}
