package io.emolens.secret;

import java.util.Optional;

import io.emolens.source.StreamUrl;

/**
 * Network camera passwords: kept in a {@link SecretStore} under the address without its password
 * ({@code rtsp://user@camera/stream}), never in preferences. Where the store keeps nothing, a remembered address
 * that names a user has no password and the user is asked for it again.
 */
public final class StreamPasswords {
    private final SecretStore store;

    public StreamPasswords(SecretStore store) {
        this.store = store;
    }

    /**
     * Keeps the password of {@code url}, if it has one, and returns the address to remember: {@code url} without
     * its password.
     */
    public StreamUrl remember(StreamUrl url) {
        StreamUrl address = url.withoutPassword();
        url.password().filter(p -> !p.isEmpty())
                .ifPresent(p -> store.save(address.url(), "Emolens network camera " + address, p));
        return address;
    }

    /**
     * {@code url} ready to open: as it is when it carries a password or names no user, else with the password kept
     * for it; empty when it names a user whose password is not kept (ask the user).
     */
    public Optional<StreamUrl> complete(StreamUrl url) {
        if (!url.lacksPassword()) {
            return Optional.of(url);
        }
        return store.find(url.url()).map(url::withWrittenPassword);
    }

    /** Whether passwords are kept between runs. */
    public boolean keeps() {
        return store.keeps();
    }

    /** Where passwords go, in words. */
    public String describe() {
        return store.describe();
    }
}
