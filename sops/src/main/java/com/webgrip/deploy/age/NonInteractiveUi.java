package com.webgrip.deploy.age;

import java.util.Optional;

/** {@link AgeUi#nonInteractive()}: answers every request with "cannot". */
enum NonInteractiveUi implements AgeUi {
    INSTANCE;

    @Override
    public boolean displayMessage(String source, String message) {
        return false;
    }

    @Override
    public Optional<char[]> requestValue(String source, String prompt, boolean secret) {
        return Optional.empty();
    }

    @Override
    public Confirmation confirm(String source, String prompt, String yes, Optional<String> no) {
        return Confirmation.UNAVAILABLE;
    }

    @Override
    public String toString() {
        return "AgeUi.nonInteractive()";
    }
}
