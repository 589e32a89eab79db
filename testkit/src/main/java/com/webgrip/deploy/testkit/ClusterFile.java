package com.webgrip.deploy.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.policy.SecurityFinding;
import com.webgrip.deploy.core.policy.Severity;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a simulated cluster's state to a JSON file atomically (temp file, fsync, rename) and reads it back. */
final class ClusterFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterFile() {}

    static Instant savedAt(Path file) throws IOException {
        return Instant.parse(JSON.readTree(file.toFile()).path("savedAt").asText());
    }

    static void save(Path file, SimulatedCluster cluster, Instant now) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("savedAt", now.toString());
        ObjectNode releases = root.putObject("releases");
        for (Map.Entry<String, List<SimRevision>> entry : cluster.releases.entrySet()) {
            ArrayNode revisions = releases.putArray(entry.getKey());
            for (SimRevision r : entry.getValue()) {
                ObjectNode node = revisions.addObject();
                node.put("number", r.number);
                node.put("status", r.status.helmName());
                node.put("chartVersion", r.chartVersion);
                node.put("description", r.description);
                node.put("updated", r.updated.toString());
                node.put("behaviour", r.behaviour.name());
                node.put("deployedAt", r.deployedAt.toString());
                node.put("errorRate", Double.isNaN(r.errorRate) ? "NaN" : Double.toString(r.errorRate));
                node.put("errorsUntil", r.errorsUntil.toString());
                node.put("fromUpgrade", r.fromUpgrade);
            }
        }
        ObjectNode scripts = root.putObject("scripts");
        for (Map.Entry<String, ReleaseScript> entry : cluster.scripts.entrySet()) {
            ReleaseScript s = entry.getValue();
            ObjectNode node = scripts.putObject(entry.getKey());
            node.put("readyAfter", s.readyAfter.toString());
            node.put("upgradeBehaviour", s.upgradeBehaviour.name());
            node.put("upgradeBehaviourTimes", s.upgradeBehaviourTimes);
            node.put(
                    "upgradeErrorRate", Double.isNaN(s.upgradeErrorRate) ? "NaN" : Double.toString(s.upgradeErrorRate));
            node.put("upgradeErrorsFor", s.upgradeErrorsFor.toString());
            node.put("baselineErrorRate", s.baselineErrorRate);
            node.put("noTraffic", s.noTraffic);
            node.put("metricFailures", s.metricFailures);
            node.put("deployFailures", s.deployFailures);
            node.put("deployFailureKind", s.deployFailureKind.name());
            node.put("interruptNextUpgrade", s.interruptNextUpgrade);
            node.put("rollbacksFail", s.rollbacksFail);
            ArrayNode findings = node.putArray("findings");
            for (SecurityFinding f : s.findings) {
                findings.addObject()
                        .put("id", f.id())
                        .put("severity", f.severity().name())
                        .put("subject", f.subject())
                        .put("summary", f.summary());
            }
        }
        ArrayNode operations = root.putArray("operations");
        cluster.operations.forEach(operations::add);
        writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(folder);
        } finally {
            // after a failed write or move; after a move it is gone already
            Files.deleteIfExists(temp);
        }
    }

    // The new name lives in the folder: force it too, or a crash may bring back the old file.
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a folder; the rename itself is still atomic
        }
    }

    static void load(Path file, SimulatedCluster cluster) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root = JSON.readTree(file.toFile());
        root.path("releases").properties().forEach(entry -> {
            List<SimRevision> revisions = new ArrayList<>();
            for (JsonNode r : entry.getValue()) {
                revisions.add(new SimRevision(
                        r.path("number").asInt(),
                        ReleaseStatus.fromHelmName(r.path("status").asText()).orElseThrow(),
                        r.path("chartVersion").asText(),
                        r.path("description").asText(),
                        Instant.parse(r.path("updated").asText()),
                        Behaviour.valueOf(r.path("behaviour").asText()),
                        Instant.parse(r.path("deployedAt").asText()),
                        Double.parseDouble(r.path("errorRate").asText()),
                        Instant.parse(r.path("errorsUntil").asText()),
                        r.path("fromUpgrade").asBoolean()));
            }
            cluster.releases.put(entry.getKey(), revisions);
        });
        root.path("scripts").properties().forEach(entry -> {
            JsonNode n = entry.getValue();
            ReleaseScript s = cluster.release(entry.getKey());
            s.readyAfter = Duration.parse(n.path("readyAfter").asText());
            s.upgradeBehaviour = Behaviour.valueOf(n.path("upgradeBehaviour").asText());
            s.upgradeBehaviourTimes = n.path("upgradeBehaviourTimes").asInt();
            s.upgradeErrorRate = Double.parseDouble(n.path("upgradeErrorRate").asText());
            s.upgradeErrorsFor = Duration.parse(n.path("upgradeErrorsFor").asText());
            s.baselineErrorRate = n.path("baselineErrorRate").asDouble();
            s.noTraffic = n.path("noTraffic").asBoolean();
            s.metricFailures = n.path("metricFailures").asInt();
            s.deployFailures = n.path("deployFailures").asInt();
            s.deployFailureKind =
                    DeployException.Kind.valueOf(n.path("deployFailureKind").asText());
            s.interruptNextUpgrade = n.path("interruptNextUpgrade").asBoolean();
            s.rollbacksFail = n.path("rollbacksFail").asBoolean();
            s.findings.clear();
            for (JsonNode f : n.path("findings")) {
                s.findings.add(new SecurityFinding(
                        f.path("id").asText(),
                        Severity.valueOf(f.path("severity").asText()),
                        f.path("subject").asText(),
                        f.path("summary").asText()));
            }
        });
        for (JsonNode op : root.path("operations")) {
            cluster.operations.add(op.asText());
        }
    }
}
