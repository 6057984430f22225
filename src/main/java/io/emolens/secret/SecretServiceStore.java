package io.emolens.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freedesktop.secret.simple.SimpleCollection;

/**
 * Secrets in the desktop's keyring through the freedesktop Secret Service API over D-Bus (GNOME Keyring), with
 * de.swiesend's secret-service library: the default collection ("login"), unlocked by the keyring's own prompt when
 * it is locked, secrets sent encrypted over the bus. Each secret is an item with the attributes
 * {@code application=io.emolens} and {@code key=KEY}, so {@code secret-tool search application io.emolens} lists
 * them. One connection for the app's lifetime (the library closes its bus connection for good on close).
 */
public final class SecretServiceStore implements SecretStore {
    private static final String APPLICATION = "io.emolens";
    private static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(60);
    private final SimpleCollection collection;

    private SecretServiceStore(SimpleCollection collection) {
        this.collection = collection;
    }

    /**
     * The desktop's keyring, or empty when no Secret Service answers on the D-Bus session bus (no desktop session,
     * no GNOME Keyring, or a bus address in the {@code DBUS_SESSION_BUS_ADDRESS} environment variable or system
     * property that nobody serves).
     */
    public static Optional<SecretStore> connect() {
        if (!sessionBusAnnounced(System.getenv(), Path.of(System.getProperty("user.home")))) {
            return Optional.empty();
        }
        try {
            if (!SimpleCollection.isAvailable()) {
                return Optional.empty();
            }
            SimpleCollection c = new SimpleCollection();
            c.setTimeout(PROMPT_TIMEOUT);
            return Optional.of(new SecretServiceStore(c));
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this session announces a D-Bus session bus where the library looks for one: the
     * {@code DBUS_SESSION_BUS_ADDRESS} property or variable, {@code $XDG_RUNTIME_DIR/bus}, or an X11 session's address
     * file in {@code ~/.dbus/session-bus}. Checked before the library is touched: without a bus, its class fails to
     * initialize and its shutdown hook prints that failure when the app exits.
     */
    static boolean sessionBusAnnounced(Map<String, String> env, Path home) {
        String address = System.getProperty("DBUS_SESSION_BUS_ADDRESS", env.get("DBUS_SESSION_BUS_ADDRESS"));
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"))) {
            return true;
        }
        Path x11 = home.resolve(".dbus/session-bus");
        try (var files = Files.list(x11)) {
            return env.get("DISPLAY") != null && files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean save(String key, String label, String secret) {
        try {
            Map<String, String> attributes = attributes(key);
            List<String> items = collection.getItems(attributes);
            if (items == null || items.isEmpty()) {
                return collection.createItem(label, secret, attributes) != null;
            }
            collection.updateItem(items.get(0), label, secret, attributes);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized Optional<String> find(String key) {
        try {
            List<String> items = collection.getItems(attributes(key));
            char[] secret = items == null || items.isEmpty() ? null : collection.getSecret(items.get(0));
            return secret == null ? Optional.empty() : Optional.of(new String(secret));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean keeps() {
        return true;
    }

    @Override
    public String describe() {
        return "the desktop's keyring (Secret Service)";
    }

    private static Map<String, String> attributes(String key) {
        return Map.of("application", APPLICATION, "key", key);
    }
}
