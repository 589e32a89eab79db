package com.webgrip.deploy.age;

import java.util.List;

/**
 * None of the identities could unwrap the file key. The message says which stanza types the file
 * has and which identity types were tried; never key material.
 */
public class NoIdentityMatchedException extends AgeException {
    private static final long serialVersionUID = 1L;

    private final List<String> stanzaTypes;
    private final List<String> identityTypes;

    public NoIdentityMatchedException(List<String> stanzaTypes, List<String> identityTypes) {
        super("no identity matched: the file has stanzas of type " + stanzaTypes + "; tried identities of type "
                + identityTypes);
        this.stanzaTypes = List.copyOf(stanzaTypes);
        this.identityTypes = List.copyOf(identityTypes);
    }

    /** The stanza types of the file's header, in order. */
    public List<String> stanzaTypes() {
        return stanzaTypes;
    }

    /** The types of the identities that were tried, in order. */
    public List<String> identityTypes() {
        return identityTypes;
    }
}
