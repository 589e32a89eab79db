package com.webgrip.deploy.age;

/**
 * A recipient with a text form of its own, such as an X25519 {@code age1…} key: what age-keygen
 * prints as {@code # public key:} and what a recipients file holds.
 */
public interface AgePublicKey extends Recipient {

    /** The text form, for example {@code age1…}; public, safe to print. */
    String encoded();
}
