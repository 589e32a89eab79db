package com.webgrip.deploy.age;

import javax.security.auth.Destroyable;

/**
 * An identity that is a secret key with one matching public key, as age-keygen writes them
 * (X25519 {@code AGE-SECRET-KEY-1…}; post-quantum keys once that work lands). Destroy it when done.
 */
public interface AgeSecretKey extends Identity, Destroyable {

    /** The public key (recipient) that files for this identity are encrypted to. */
    AgePublicKey publicKey();

    /**
     * The secret text form, for example {@code AGE-SECRET-KEY-1…}, as a fresh array that the
     * caller should zero when done. Never log it.
     */
    char[] encodedSecret();
}
