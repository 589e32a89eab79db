package com.webgrip.deploy.age;

/**
 * A recipient whose labels are known only after it wrapped a file key (a plugin tells them in
 * its answer). The encryptor compares such labels after wrapping instead of before.
 */
interface DeferredLabels {

    /** True once {@link Recipient#labels()} holds the real set. */
    boolean labelsKnown();
}
