package com.webgrip.deploy.sops;

/** The file has no SOPS metadata: it is not encrypted (or not by sops). */
public class SopsMetadataNotFoundException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code ErrorGeneric} (sops prints "sops metadata not found"). */
    public static final int EXIT_CODE = 1;

    public SopsMetadataNotFoundException(String message) {
        super(message, EXIT_CODE, null);
    }
}
