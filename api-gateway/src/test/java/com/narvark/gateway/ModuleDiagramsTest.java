package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.modules.NarvarkModules;
import com.narvark.gateway.tables.RepositoryModules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * Draws docs/modules from the code on every run, so the committed diagrams are what the code is: a change of module
 * dependencies shows up as a diff there. The folder is wiped and rewritten each time; put nothing else in it.
 */
class ModuleDiagramsTest {

    private static final Path OUTPUT = RepositoryModules.root(Path.of("")).resolve("docs/modules");

    @Test
    void shouldWriteTheModuleDiagramAndCanvasesWhenRun() {
        Documenter.DiagramOptions diagrams = Documenter.DiagramOptions.defaults()
                .withStyle(Documenter.DiagramOptions.DiagramStyle.UML)
                .withDefaultDisplayName(NarvarkModules::mavenModule);
        new Documenter(NarvarkModules.all(), Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases();
        assertThat(OUTPUT.resolve("components.puml")).exists();
    }
}
