package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;

/** sops's {@code ValToString} of a scalar, as exec-env and dotenv print it. */
final class EnvText {
    private EnvText() {}

    static String of(Node value) {
        if (value instanceof Node.Str s) {
            return s.value();
        }
        try {
            return new String(
                    Stores.forFormat(Format.DOTENV, StoreOptions.defaults()).emitValue(value), StandardCharsets.UTF_8);
        } catch (SopsException e) {
            return "";
        }
    }
}
