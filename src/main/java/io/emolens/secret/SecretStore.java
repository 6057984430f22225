package io.emolens.secret;

import java.util.Optional;

/**
 * Where secrets are kept between runs: the desktop's secret store ({@link SecretServiceStore}) or nowhere
 * ({@link NoSecretStore}), chosen by the app's wiring. Calls may talk to another process and take a moment: call
 * them off the Swing thread.
 */
public interface SecretStore {
    /** Keeps {@code secret} under {@code key}, replacing what was kept there; false when it cannot be kept. */
    boolean save(String key, String label, String secret);

    /** The secret kept under {@code key}, if any. */
    Optional<String> find(String key);

    /** Whether secrets are kept at all (false: the user is asked each time). */
    boolean keeps();

    /** Where secrets go, in words, e.g. "the desktop's keyring (Secret Service)". */
    String describe();
}
