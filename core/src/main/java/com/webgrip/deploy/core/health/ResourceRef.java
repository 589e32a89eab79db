package com.webgrip.deploy.core.health;

import java.util.Objects;

/**
 * Names one Kubernetes resource.
 *
 * @param kind the resource kind, such as {@code Deployment}
 * @param namespace the namespace, empty for cluster-scoped resources
 * @param name the resource name
 */
public record ResourceRef(String kind, String namespace, String name) {

    /** Checks that kind and name are present. */
    public ResourceRef {
        Objects.requireNonNull(kind, "kind required");
        Objects.requireNonNull(namespace, "namespace required (empty for cluster-scoped resources)");
        Objects.requireNonNull(name, "name required");
        if (kind.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException(
                    "a resource needs a kind and a name, found kind [" + kind + "] name [" + name + "]");
        }
    }

    /**
     * A namespaced resource.
     *
     * @param kind the kind
     * @param namespace the namespace
     * @param name the name
     * @return the reference
     */
    public static ResourceRef of(String kind, String namespace, String name) {
        return new ResourceRef(kind, namespace, name);
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
