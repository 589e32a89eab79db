package com.webgrip.deploy.core.run;

import java.util.Objects;

/**
 * An answer to an approval request.
 *
 * @param approved yes or no
 * @param by who answered
 * @param reason why, possibly empty
 */
public record Approval(boolean approved, String by, String reason) {

    /** Checks that nothing is null. */
    public Approval {
        Objects.requireNonNull(by, "by required");
        Objects.requireNonNull(reason, "reason required");
    }

    /**
     * A yes.
     *
     * @param by who
     * @return the approval
     */
    public static Approval yes(String by) {
        return new Approval(true, by, "");
    }

    /**
     * A no.
     *
     * @param by who
     * @param reason why
     * @return the refusal
     */
    public static Approval no(String by, String reason) {
        return new Approval(false, by, reason);
    }
}
