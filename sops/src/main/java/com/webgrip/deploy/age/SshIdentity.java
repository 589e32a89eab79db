package com.webgrip.deploy.age;

import javax.security.auth.Destroyable;

/** An identity made from an SSH private key: it knows its public key and can be destroyed. */
interface SshIdentity extends Identity, Destroyable {

    /** The SSH public key whose tag marks this identity's stanzas. */
    SshPublicKey sshKey();

    /** Zeroes what can be zeroed of the private key; the identity is unusable afterwards. */
    @Override
    void destroy();

    /** The recipient that files for this identity are encrypted to (the {@code .pub} line). */
    AgePublicKey publicKey();

    /**
     * True when the stanza is of this key's type and carries its tag: the stanza is for this
     * key, so a failure to open it is an error rather than "not mine".
     */
    static boolean isAddressedTo(Stanza stanza, SshPublicKey key) {
        return stanza.type().equals(key.type())
                && !stanza.arguments().isEmpty()
                && stanza.arguments().get(0).equals(key.tag());
    }
}
