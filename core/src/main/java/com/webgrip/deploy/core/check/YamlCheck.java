package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.platform.PlatformException;
import com.webgrip.deploy.core.platform.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every YAML file of the {@code ops/} folder is well-formed: one document, no duplicate key, UTF-8.
 * Chart templates are Go templates, not YAML, and are left to the renderer.
 */
final class YamlCheck implements Check {
    @Override
    public String id() {
        return "yaml";
    }

    @Override
    public String description() {
        return "every YAML file outside chart templates is well-formed";
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (context.platform().root().isEmpty()) {
            return findings;
        }
        Path root = context.platform().root().get();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !root.relativize(p).toString().contains("templates"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            try {
                YamlTree.read(file);
            } catch (PlatformException e) {
                String message = String.valueOf(e.getMessage());
                String prefix = file + (e.line() > 0 ? ":" + e.line() : "") + ": ";
                findings.add(Finding.of(
                        Severity.ERROR,
                        id(),
                        file,
                        e.line(),
                        message.startsWith(prefix) ? message.substring(prefix.length()) : message,
                        "fix the YAML syntax at that line"));
            }
        }
        return findings;
    }
}
