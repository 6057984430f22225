package io.emolens.secret;

import java.util.Optional;

/** Keeps nothing: where the desktop has no secret store, passwords are not stored and the user is asked again. */
public final class NoSecretStore implements SecretStore {
    private final String why;

    /** @param why why there is no store, for messages, e.g. "no Secret Service on the D-Bus session bus" */
    public NoSecretStore(String why) {
        this.why = why;
    }

    @Override
    public boolean save(String key, String label, String secret) {
        return false;
    }

    @Override
    public Optional<String> find(String key) {
        return Optional.empty();
    }

    @Override
    public boolean keeps() {
        return false;
    }

    @Override
    public String describe() {
        return "nowhere (" + why + ")";
    }
}
