package dev.granular.app.architecture;

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
 * The package dependency rule that {@code make lint} enforces: no cycle between packages, over the production
 * classes of every module (avro, clickhouse-sink and the app are all on this test's class path). A cycle means
 * two packages can only be understood, changed and tested together; break it by moving the shared piece down
 * (e.g. into {@code dev.granular.app.support}) or beside the code that owns it.
 */
class ArchitectureTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar")) // test-jars (the oracle) are test code too
      .importPackages("dev.granular");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.granular.(**)").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void theRuleSeesEveryModulesProductionClassesAndNoTests() {
    Set<String> packages = PRODUCTION.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
    for (String module : new String[] {"dev.granular.avro.codec", "dev.granular.sink.client", "dev.granular.app.sink"}) {
      assertTrue(packages.contains(module), "not analysed: " + module);
    }
    assertTrue(PRODUCTION.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "test classes analysed");
  }
}
