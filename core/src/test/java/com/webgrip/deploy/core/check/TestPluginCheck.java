package com.webgrip.deploy.core.check;

import java.util.List;

/** A check registered in test resources' META-INF/services, to prove discovery. */
public final class TestPluginCheck implements Check {
    /** Needed by the ServiceLoader. */
    public TestPluginCheck() {}

    @Override
    public String id() {
        return "test-plugin";
    }

    @Override
    public String description() {
        return "finds nothing; proves that plug-ins are found";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        return List.of();
    }
}
