package io.emolens.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.emolens.core.EmolensException;

/**
 * A network camera address: {@code http://}, {@code https://} or {@code rtsp://} with a host. {@link #toString()}
 * hides a password, so messages and session files never show one.
 */
public record StreamUrl(String url) {
    /** Schemes Emolens opens as network cameras. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "rtsp");
    /** Connect and read timeout: a stream silent this long is lost. */
    public static final long TIMEOUT_MS = 5000;

    public StreamUrl {
        url = url.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new EmolensException("Not a valid stream address: " + url + " (" + e.getReason() + ").", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new EmolensException("Not a stream address: " + url + ". Use http://, https:// (MJPEG) or rtsp://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new EmolensException("The stream address " + url + " has no host.");
        }
    }

    /** True when {@code text} starts like a URL ({@code scheme://}), so it is not taken for a file name. */
    public static boolean looksLikeUrl(String text) {
        return text.strip().matches("(?i)^[a-z][a-z0-9+.-]*://.*");
    }

    public boolean isRtsp() {
        return url.regionMatches(true, 0, "rtsp:", 0, 5);
    }

    @Override
    public String toString() {
        return url.replaceFirst("(?i)^([a-z][a-z0-9+.-]*://)([^:@/]+):[^@/]*@", "$1$2:***@");
    }
}
