package com.webgrip.deploy.core.run;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;

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
}
