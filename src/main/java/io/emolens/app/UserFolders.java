package io.emolens.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Emolens keeps what the user makes: trained and imported models and training runs, under the XDG data
 * folder ({@code $XDG_DATA_HOME/emolens}, by default {@code ~/.local/share/emolens}; {@code -Demolens.data}
 * overrides it). The install itself ({@link AppPaths}) is only read, so a packaged Emolens works from a
 * read-only folder and an upgrade never touches the user's models.
 */
public record UserFolders(Path data) {

    public static UserFolders locate() {
        return locate(System.getenv(), System.getProperties().getProperty("emolens.data"), System.getProperty("user.home"));
    }

    static UserFolders locate(Map<String, String> env, String override, String home) {
        if (override != null && !override.isBlank()) {
            return new UserFolders(Path.of(override).toAbsolutePath());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return new UserFolders(base.resolve("emolens"));
    }

    /** Models the user trained or imported (created on first save). */
    public Path models() {
        return data.resolve("models");
    }

    /** Training run folders started from the app. */
    public Path runs() {
        return data.resolve("runs");
    }
}
