package io.emolens.data;

import java.util.Optional;

/** The three FER2013 partitions, named as in the CSV's {@code Usage} column. */
public enum Split {
    /** Used to fit the weights. */
    TRAINING("Training"),
    /** Used for early stopping and model selection only. */
    PUBLIC_TEST("PublicTest"),
    /** Held out; reported once at the end. */
    PRIVATE_TEST("PrivateTest");

    private final String usage;

    Split(String usage) {
        this.usage = usage;
    }

    /** The name as written in the CSV's {@code Usage} column. */
    public String usage() {
        return usage;
    }

    /** Parses a {@code Usage} value case-insensitively; empty when it is not one of the three names. */
    public static Optional<Split> parse(String usage) {
        String u = usage.trim();
        for (Split s : values()) {
            if (s.usage.equalsIgnoreCase(u) || s.name().equalsIgnoreCase(u)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #parse} but throws a user-facing error naming the accepted values. */
    public static Split require(String usage) {
        return parse(usage).orElseThrow(() -> new IllegalArgumentException(
                "unknown split '" + usage + "'; expected Training, PublicTest or PrivateTest"));
    }

    @Override
    public String toString() {
        return usage;
    }
}
