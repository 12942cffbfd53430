package com.narvark.gateway.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven modules of the repository, found from the root pom rather than listed here, so a module added to the
 * build (accounts, developer-portal) is checked without anyone remembering to name it.
 */
public final class RepositoryModules {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private RepositoryModules() {
    }

    /** The topmost directory above {@code start} whose pom.xml aggregates modules. */
    public static Path root(Path start) {
        Path root = null;
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && !modulesOf(pom).isEmpty()) {
                root = dir;
            }
        }
        if (root == null) {
            throw new IllegalStateException("no aggregating pom.xml above " + start.toAbsolutePath());
        }
        return root;
    }

    /** Every module directory of the reactor below {@code root}, nested aggregators followed. */
    public static List<Path> directories(Path root) {
        List<Path> found = new ArrayList<>();
        for (String module : modulesOf(root.resolve("pom.xml"))) {
            Path dir = root.resolve(module).normalize();
            found.add(dir);
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                found.addAll(directories(dir));
            }
        }
        return found;
    }

    private static List<String> modulesOf(Path pom) {
        try {
            String xml = XML_COMMENT.matcher(Files.readString(pom)).replaceAll("");
            List<String> modules = new ArrayList<>();
            Matcher module = MODULE.matcher(xml);
            while (module.find()) {
                modules.add(module.group(1));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
