package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.modules.NarvarkModules;
import com.narvark.gateway.tables.ModuleTables;
import com.narvark.gateway.tables.RepositoryModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * Draws docs/modules from the code on every run, so the committed diagrams are what the code is: a change of module
 * dependencies shows up as a diff there. The folder is wiped and rewritten each time; put nothing else in it.
 */
class ModuleDiagramsTest {

    private static final Path OUTPUT = RepositoryModules.root(Path.of("")).resolve("docs/modules");

    @Test
    void shouldWriteTheModuleDiagramAndCanvasesWhenRun() throws IOException {
        Documenter.DiagramOptions diagrams = Documenter.DiagramOptions.defaults()
                .withStyle(Documenter.DiagramOptions.DiagramStyle.UML)
                .withDefaultDisplayName(NarvarkModules::mavenModule);
        new Documenter(NarvarkModules.all(), Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases();
        for (Path diagram : ModuleTables.files(OUTPUT, ".puml")) {
            sortRelationships(diagram);
        }
        assertThat(OUTPUT.resolve("components.puml")).exists();
    }

    /**
     * The Documenter writes a diagram's arrows in no fixed order, which would make every run a diff; sorted in place,
     * they change only when a dependency does. PlantUML draws the same diagram whatever their order.
     */
    private static void sortRelationships(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        Iterator<String> sorted = lines.stream().filter(ModuleDiagramsTest::isRelationship).sorted().iterator();
        List<String> rewritten = new ArrayList<>();
        for (String line : lines) {
            rewritten.add(isRelationship(line) ? sorted.next() : line);
        }
        Files.write(diagram, rewritten);
    }

    private static boolean isRelationship(String line) {
        return line.contains(" --> ");
    }
}
