package com.webgrip.deploy.core.run;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Set;

/**
 * The merged values of a step, resolved only when the step runs: secret layers are decrypted at that moment, in
 * memory, and the result is handed to the deployer and dropped.
 */
@FunctionalInterface
public interface StepValues {

    /** No values. */
    StepValues NONE = Map::of;

    /**
     * Merges the step's layers, decrypting secret layers.
     *
     * @return the values tree
     * @throws IOException when a layer could not be read
     * @throws GeneralSecurityException when a secret layer could not be decrypted or authenticated
     */
    Map<String, Object> resolve() throws IOException, GeneralSecurityException;

    /**
     * The values in {@code resolved} that came from secret layers, so that error text from the deployer and health
     * checks' messages can be redacted before they are journaled, shown or sent. The default knows no secrets (only key-looking text is masked
     * then); plans made from a {@code DeploymentPlan} know them.
     *
     * @param resolved what {@link #resolve()} returned
     * @return the secret values as text
     * @throws IOException when a layer could not be read
     */
    default Set<String> secretValues(Map<String, Object> resolved) throws IOException {
        return Set.of();
    }

    /**
     * A digest of what the values are made of, without decrypting anything: for plans made from a
     * {@code DeploymentPlan}, each layer's source and content (a secret layer by the digest of its encrypted file).
     * A resumed run compares it with the journaled one, so a changed plan never inherits an approval.
     *
     * @return the digest, or "" when these values cannot tell (the default)
     * @throws IOException when a layer could not be read
     */
    default String contentDigest() throws IOException {
        return "";
    }
}
