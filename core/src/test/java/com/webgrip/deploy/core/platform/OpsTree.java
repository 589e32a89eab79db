package com.webgrip.deploy.core.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small ops/ trees for tests. */
public final class OpsTree {
    private final Path root;

    private OpsTree(Path root) {
        this.root = root;
    }

    /** An empty tree with a helm/ folder under {@code dir}. */
    public static OpsTree in(Path dir) {
        OpsTree tree = new OpsTree(dir.resolve("ops"));
        tree.mkdirs("helm");
        return tree;
    }

    /** The tree of DESIGN.md's platform: nine charts with their needs. */
    public static OpsTree designPlatform(Path dir) {
        return in(dir).chart("005-tainters")
                .chart("007-cluster-monitoring", "005-tainters")
                .chart("010-cert-manager", "007-cluster-monitoring")
                .chart("020-cluster-issuers", "010-cert-manager")
                .chart("030-ingress-controllers", "020-cluster-issuers")
                .chart("040-gha-runners-controller", "030-ingress-controllers")
                .chart("045-gha-runners", "040-gha-runners-controller")
                .chart("060-grafana-stack", "007-cluster-monitoring")
                .chart(
                        "950-example-services",
                        "005-tainters, 007-cluster-monitoring, 010-cert-manager, 020-cluster-issuers,"
                                + " 030-ingress-controllers, 040-gha-runners-controller, 045-gha-runners,"
                                + " 060-grafana-stack");
    }

    /** The tree's root, the ops/ folder. */
    public Path root() {
        return root;
    }

    /** A chart folder with a Chart.yaml whose needs annotation is {@code needs} (if not empty). */
    public OpsTree chart(String folder, String needs) {
        String name = folder.substring(4);
        StringBuilder yaml = new StringBuilder("apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n");
        if (!needs.isEmpty()) {
            yaml.append("annotations:\n  webgrip.com/needs: \"").append(needs).append("\"\n");
        }
        return file("helm/" + folder + "/Chart.yaml", yaml.toString());
    }

    /** A chart folder without needs. */
    public OpsTree chart(String folder) {
        return chart(folder, "");
    }

    /** A file with this text. */
    public OpsTree file(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A folder. */
    public OpsTree mkdirs(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
