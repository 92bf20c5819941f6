package dev.casekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Screenshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module rules hold, and the module diagrams are drawn from the code as it is (into
 * target/docs/modules; {@code scripts/update-docs.sh} copies them to docs/modules).
 *
 * <p>Each module lists in its {@code package-info.java} the modules (and named interfaces, such as
 * {@code routing :: events}) it may use; {@link #modulesOnlyUseWhatTheyDeclare()} fails when one
 * reaches past that list, and {@link #everyDeclaredDependencyIsInUse()} when the list claims more than
 * the code uses, so the declarations (and the table in docs/architecture.md) stay exact.
 */
class ModularityTests {

    private static final ApplicationModules modules = ApplicationModules.of(CasekeeperApplication.class);

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z.]+)` \\|.*\\| ([^|]*) \\|$");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    @Test
    void modulesOnlyUseWhatTheyDeclare() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresItsDependencies() {
        var undeclared = modules.stream()
                .filter(module -> !declares(module))
                .map(module -> module.getIdentifier().toString())
                .toList();

        assertThat(undeclared)
                .as("modules without @ApplicationModule(allowedDependencies = ...) in their package-info.java")
                .isEmpty();
    }

    @Test
    void everyDeclaredDependencyIsInUse() {
        var unused = new TreeSet<String>();
        for (var module : modules) {
            var used = module.getDirectDependencies(modules);
            for (var allowed : module.getAllowedDependencies(modules)) {
                boolean inUse = used.stream()
                        .anyMatch(dependency -> dependency.getTargetModule().equals(allowed.getTargetModule())
                                && allowed.getTargetNamedInterface().contains(dependency.getTargetType()));
                if (!inUse) {
                    unused.add(module.getIdentifier() + " -> " + allowed);
                }
            }
        }

        assertThat(unused).as("declared but not used").isEmpty();
    }

    @Test
    void architecturePageListsEveryModuleWithItsDeclaredDependencies() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        var page = Files.readString(Path.of("docs/architecture.md"));
        var section = page.substring(page.indexOf("## Modules"), page.indexOf("\n## ", page.indexOf("## Modules")));
        for (var line : section.lines().toList()) {
            var row = TABLE_ROW.matcher(line.strip());
            if (row.matches()) {
                documented.put(
                        row.group(1),
                        NAME.matcher(row.group(2))
                                .results()
                                .map(name -> name.group(1))
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }

        Map<String, Set<String>> declared = new TreeMap<>();
        for (var module : modules) {
            declared.put(
                    module.getIdentifier().toString(),
                    Arrays.stream(declaration(module).allowedDependencies())
                            .map(ModularityTests::normalized)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }

        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void writesModuleDocumentation() {
        var output = Screenshots.GENERATED_DOCS.resolve("modules").toString();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static boolean declares(ApplicationModule module) {
        var declaration = declaration(module);
        return declaration != null
                && !Arrays.asList(declaration.allowedDependencies())
                        .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
    }

    private static org.springframework.modulith.ApplicationModule declaration(ApplicationModule module) {
        try {
            return Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String normalized(String dependency) {
        return dependency.replaceAll("\\s*::\\s*", " :: ");
    }
}
