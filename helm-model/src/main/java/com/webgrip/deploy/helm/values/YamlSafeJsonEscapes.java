package com.webgrip.deploy.helm.values;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON's standard escapes plus DEL (0x7F): JSON allows a raw DEL in a string, YAML does not, and Helm reads every
 * values file, JSON ones too, with a YAML reader. Characters above 0x7F are escaped by {@code ESCAPE_NON_ASCII}.
 */
final class YamlSafeJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int DEL = 0x7F;

    private final int[] asciiEscapes;

    YamlSafeJsonEscapes() {
        int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
        escapes[DEL] = CharacterEscapes.ESCAPE_STANDARD;
        this.asciiEscapes = escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }
}
