package dev.casekeeper;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module rules hold, and the module diagrams are drawn from the code as it is, into
 * target/modules: a test run never changes docs/ (docs/architecture.md says how to copy them).
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CasekeeperApplication.class);

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
