package com.webgrip.deploy.core.plan;

import com.webgrip.deploy.helm.release.ReleaseHistory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What would change between two plans, or between a plan and what is deployed: per release, a
 * chart version change and the value paths added, removed or changed. Values are never shown;
 * paths that hold secrets are marked as secret and reported only as changed or unchanged.
 */
public final class PlanDiff {
    private final List<ReleaseChange> changes;

    private PlanDiff(List<ReleaseChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * Compares two plans. Secret layers are compared by the digest of their encrypted files (the
     * plans need no key): a rewritten file marks each of its paths as changed.
     */
    public static PlanDiff between(DeploymentPlan before, DeploymentPlan after) throws IOException {
        List<ReleaseChange> changes = new ArrayList<>();
        for (Step step : after.steps()) {
            Optional<Step> old = before.step(step.chart());
            if (old.isEmpty()) {
                changes.add(ReleaseChange.of(
                        step.chart(), step.release(), Kind.ADDED, null, step.chartVersion(), List.of()));
                continue;
            }
            Set<String> secretPaths = new TreeSet<>();
            secretPaths.addAll(secretPaths(old.get()));
            secretPaths.addAll(secretPaths(step));
            boolean secretsRewritten = !fingerprints(old.get()).equals(fingerprints(step));
            List<ValueChange> values = compare(old.get().maskedUserValues(), step.maskedUserValues(), secretPaths);
            if (secretsRewritten) {
                values = markSecretsChanged(values, secretPaths);
            }
            changes.add(change(step, old.get().chartVersion(), values));
        }
        for (Step step : before.steps()) {
            if (after.step(step.chart()).isEmpty()) {
                changes.add(ReleaseChange.of(
                        step.chart(), step.release(), Kind.REMOVED, step.chartVersion(), null, List.of()));
            }
        }
        return new PlanDiff(changes);
    }

    /**
     * Compares a plan with what is deployed. The plan's secrets are decrypted in memory to compare
     * them with the deployed values, and only reported as changed or unchanged.
     */
    public static PlanDiff against(DeploymentPlan plan, Collection<DeployedRelease> deployed)
            throws IOException, GeneralSecurityException {
        Map<String, DeployedRelease> byRelease = new LinkedHashMap<>();
        deployed.forEach(release -> byRelease.put(release.namespace() + "/" + release.release(), release));
        List<ReleaseChange> changes = new ArrayList<>();
        for (Step step : plan.steps()) {
            DeployedRelease current = byRelease.remove(step.namespace() + "/" + step.release());
            if (current == null) {
                changes.add(ReleaseChange.of(
                        step.chart(), step.release(), Kind.ADDED, null, step.chartVersion(), List.of()));
                continue;
            }
            List<ValueChange> values = compare(current.config(), step.resolveValues(), secretPaths(step));
            changes.add(change(step, current.chartVersion(), values));
        }
        return new PlanDiff(changes);
    }

    /**
     * Compares a plan with the releases as Helm records them (helm-model's histories, such as {@link
     * com.webgrip.deploy.core.deploy.Deployer#history} gives): each release is compared with its last
     * revision in status {@code deployed}, its chart version and its user-supplied values; a release
     * whose history has no deployed revision counts as not deployed. Secrets are decrypted in memory
     * and reported only as changed or unchanged.
     */
    public static PlanDiff againstHistories(DeploymentPlan plan, Collection<ReleaseHistory> histories)
            throws IOException, GeneralSecurityException {
        List<DeployedRelease> deployed = new ArrayList<>();
        for (ReleaseHistory history : histories) {
            history.lastDeployed()
                    .ifPresent(release -> deployed.add(new DeployedRelease(
                            release.name(),
                            release.namespace(),
                            release.chartMetadata().version(),
                            release.config().asMap())));
        }
        return against(plan, deployed);
    }

    /** One change per release of either side, in the plan's order. */
    public List<ReleaseChange> changes() {
        return changes;
    }

    /** Whether anything would change. */
    public boolean isEmpty() {
        return changes.stream().allMatch(change -> change.kind() == Kind.UNCHANGED);
    }

    /** A text report: one line per release, then one per changed path. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (ReleaseChange change : changes) {
            out.append(change.kind().symbol)
                    .append(' ')
                    .append(change.chart())
                    .append(" (")
                    .append(change.release());
            out.append(')');
            if (change.versionChanged()) {
                out.append(" chart ")
                        .append(change.versionBefore().orElse("none"))
                        .append(" → ");
                out.append(change.versionAfter().orElse("none"));
            }
            out.append('\n');
            for (ValueChange value : change.values()) {
                out.append("    ").append(value).append('\n');
            }
        }
        return out.toString();
    }

    private static ReleaseChange change(Step step, String versionBefore, List<ValueChange> values) {
        boolean same = values.isEmpty() && versionBefore.equals(step.chartVersion());
        return ReleaseChange.of(
                step.chart(),
                step.release(),
                same ? Kind.UNCHANGED : Kind.CHANGED,
                versionBefore,
                step.chartVersion(),
                values);
    }

    private static List<String> fingerprints(Step step) {
        List<String> out = new ArrayList<>();
        for (ValuesLayer layer : step.layers()) {
            if (layer instanceof ValuesLayer.Secret secret) {
                out.add(secret.values().fingerprint());
            }
        }
        return out;
    }

    private static Set<String> secretPaths(Step step) throws IOException {
        Set<String> paths = new TreeSet<>();
        for (ValuesLayer layer : step.layers()) {
            if (layer instanceof ValuesLayer.Secret secret) {
                leaves("", secret.values().masked(), paths);
            }
        }
        return paths;
    }

    private static void leaves(String path, Object value, Set<String> out) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, inner) -> leaves(path.isEmpty() ? String.valueOf(key) : path + "." + key, inner, out));
        } else {
            out.add(path);
        }
    }

    private static List<ValueChange> compare(Map<String, ?> before, Map<String, ?> after, Set<String> secretPaths) {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        flatten("", before, a);
        flatten("", after, b);
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<ValueChange> out = new ArrayList<>();
        for (String path : paths) {
            boolean secret = isSecret(path, secretPaths);
            if (!a.containsKey(path)) {
                out.add(new ValueChange(path, ValueChange.Change.ADDED, secret));
            } else if (!b.containsKey(path)) {
                out.add(new ValueChange(path, ValueChange.Change.REMOVED, secret));
            } else if (!Objects.equals(a.get(path), b.get(path))) {
                out.add(new ValueChange(path, ValueChange.Change.CHANGED, secret));
            }
        }
        return out;
    }

    private static List<ValueChange> markSecretsChanged(List<ValueChange> values, Set<String> secretPaths) {
        List<ValueChange> out = new ArrayList<>(values);
        for (String path : secretPaths) {
            if (out.stream().noneMatch(change -> change.path().equals(path))) {
                out.add(new ValueChange(path, ValueChange.Change.CHANGED, true));
            }
        }
        out.sort(java.util.Comparator.comparing(ValueChange::path));
        return out;
    }

    private static boolean isSecret(String path, Set<String> secretPaths) {
        for (String secret : secretPaths) {
            if (path.equals(secret) || path.startsWith(secret + ".") || path.startsWith(secret + "[")) {
                return true;
            }
        }
        return false;
    }

    private static void flatten(String path, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, inner) -> flatten(path.isEmpty() ? String.valueOf(key) : path + "." + key, inner, out));
        } else {
            out.put(path, value instanceof Number number ? Double.valueOf(number.doubleValue()) : value);
        }
    }

    /** How a release changes. */
    public enum Kind {
        /** Not deployed before. */
        ADDED("+"),
        /** Deployed before, not in the plan. */
        REMOVED("-"),
        /** The chart version or values change. */
        CHANGED("~"),
        /** Nothing changes. */
        UNCHANGED("=");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * The change of one release.
     *
     * @param chart the chart folder
     * @param release the release name
     * @param kind how it changes
     * @param versionBefore the chart version before, if deployed
     * @param versionAfter the chart version after, if planned
     * @param values the value paths that change
     */
    public record ReleaseChange(
            String chart,
            String release,
            Kind kind,
            Optional<String> versionBefore,
            Optional<String> versionAfter,
            List<ValueChange> values) {
        /** Checks and copies. */
        public ReleaseChange {
            Objects.requireNonNull(chart, "chart required");
            Objects.requireNonNull(release, "release required");
            Objects.requireNonNull(kind, "kind required");
            Objects.requireNonNull(versionBefore, "versionBefore required (empty when none)");
            Objects.requireNonNull(versionAfter, "versionAfter required (empty when none)");
            values = List.copyOf(values);
        }

        static ReleaseChange of(
                String chart, String release, Kind kind, String before, String after, List<ValueChange> values) {
            return new ReleaseChange(
                    chart, release, kind, Optional.ofNullable(before), Optional.ofNullable(after), values);
        }

        /** Whether the chart version changes. */
        public boolean versionChanged() {
            return !versionBefore.equals(versionAfter);
        }
    }

    /**
     * A value path that changes; never its value.
     *
     * @param path the dotted path
     * @param change added, removed or changed
     * @param secret whether the path holds a secret
     */
    public record ValueChange(String path, Change change, boolean secret) {
        /** How a value changes. */
        public enum Change {
            /** New. */
            ADDED,
            /** Gone. */
            REMOVED,
            /** Different. */
            CHANGED
        }

        @Override
        public String toString() {
            return path + (secret ? " (secret)" : "") + " " + change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
