package dev.casekeeper;

import dev.casekeeper.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module rules hold, and the module diagrams are drawn from the code as it is (into
 * target/docs/modules; {@code scripts/update-docs.sh} copies them to docs/modules).
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CasekeeperApplication.class);

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        var output = Screenshots.GENERATED_DOCS.resolve("modules").toString();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
