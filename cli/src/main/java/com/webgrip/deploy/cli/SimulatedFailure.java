package com.webgrip.deploy.cli;

import com.webgrip.deploy.testkit.ReleaseScript;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A failure {@code --simulate-failure CHART=KIND} scripts on the simulated cluster, so a person sees a policy act. */
enum SimulatedFailure {
    CRASH_LOOP {
        @Override
        void apply(ReleaseScript script) {
            script.crashLoopsAfterUpgrade();
        }
    },
    TIMEOUT {
        @Override
        void apply(ReleaseScript script) {
            script.neverReadyAfterUpgrade();
        }
    },
    ERROR_RATE {
        @Override
        void apply(ReleaseScript script) {
            script.errorRateAfterUpgrade(0.07, Duration.ofMinutes(2));
        }
    },
    ROLLBACK_FAILS {
        @Override
        void apply(ReleaseScript script) {
            script.crashLoopsAfterUpgrade().failsToRollBack();
        }
    },
    OOM {
        @Override
        void apply(ReleaseScript script) {
            script.oomKilledAfterUpgrade();
        }
    },
    IMAGE_PULL {
        @Override
        void apply(ReleaseScript script) {
            script.imagePullFailsAfterUpgrade();
        }
    };

    abstract void apply(ReleaseScript script);

    String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static SimulatedFailure parse(String text) {
        for (SimulatedFailure failure : values()) {
            if (failure.cliName().equals(text)) {
                return failure;
            }
        }
        throw new IllegalArgumentException("unknown failure kind [" + text + "]; expected one of "
                + Arrays.stream(values()).map(SimulatedFailure::cliName).collect(Collectors.joining(", ")));
    }
}
