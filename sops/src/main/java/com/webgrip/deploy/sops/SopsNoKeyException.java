package com.webgrip.deploy.sops;

import java.util.List;

/**
 * No master key of the file could be opened with the credentials at hand, so the data key could
 * not be recovered. The message lists the file's master keys and the identities tried, each by
 * type and public part only.
 */
public class SopsNoKeyException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code CouldNotRetrieveKey}. */
    public static final int EXIT_CODE = 128;

    private final List<String> fileKeys;
    private final List<String> triedIdentities;

    public SopsNoKeyException(String message, List<String> fileKeys, List<String> triedIdentities) {
        super(message, EXIT_CODE, null);
        this.fileKeys = List.copyOf(fileKeys);
        this.triedIdentities = List.copyOf(triedIdentities);
    }

    /** The file's master keys, as {@code type:public-part}. */
    public List<String> fileKeys() {
        return fileKeys;
    }

    /** The identities that were tried, as {@code type:public-part}. */
    public List<String> triedIdentities() {
        return triedIdentities;
    }
}
