package io.emolens.source;

import java.util.Optional;

/**
 * A camera the user can pick: its OpenCV index, the name the device gives ("HD Pro Webcam C920"), and its node
 * ({@code video0}). Remembered as {@link #key()} (name and node), so a replug that renumbers it still finds it.
 */
public record CameraDevice(int index, String name, String node) {
    private static final String SEPARATOR = "|";

    /** What the menu shows: "HD Pro Webcam C920 (video0)". */
    public String label() {
        return name + " (" + node + ")";
    }

    /** "NAME|NODE", as remembered in preferences. */
    public String key() {
        return name + SEPARATOR + node;
    }

    /**
     * The camera {@code key} names among {@code present}: the same name on the same node, else the only camera of that
     * name (it was renumbered), else the same node; a bare number (what older versions remembered) is an index.
     */
    public static Optional<CameraDevice> find(String key, java.util.List<CameraDevice> present) {
        int cut = key.lastIndexOf(SEPARATOR);
        if (cut < 0) {
            try {
                int index = Integer.parseInt(key.trim());
                return present.stream().filter(c -> c.index() == index).findFirst();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String name = key.substring(0, cut);
        String node = key.substring(cut + 1);
        Optional<CameraDevice> same = present.stream().filter(c -> c.name().equals(name) && c.node().equals(node)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        java.util.List<CameraDevice> named = present.stream().filter(c -> c.name().equals(name)).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        return present.stream().filter(c -> c.node().equals(node)).findFirst();
    }
}
