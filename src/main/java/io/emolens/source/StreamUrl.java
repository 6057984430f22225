package io.emolens.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.emolens.core.EmolensException;

/**
 * A network camera address: {@code http://}, {@code https://} or {@code rtsp://} with a host, possibly with a
 * user and password ({@code rtsp://user:password@camera/stream}). {@link #toString()} and every error message hide
 * the password, so messages, logs and session files never show one; {@link #withoutPassword()} is the form that
 * may be remembered.
 */
public record StreamUrl(String url) {
    /** Schemes Emolens opens as network cameras. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "rtsp");
    /** Connect and read timeout: a stream silent this long is lost. */
    public static final long TIMEOUT_MS = 5000;
    /** scheme:// then user info (up to the last '@' before the path) then the rest. */
    private static final Pattern PARTS = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)(?:([^/?#]*)@)?(.*)$", Pattern.DOTALL);

    public StreamUrl {
        url = url.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new EmolensException("Not a valid stream address: " + mask(url) + " (" + mask(e.getReason()) + ").", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new EmolensException("Not a stream address: " + mask(url) + ". Use http://, https:// (MJPEG) or rtsp://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new EmolensException("The stream address " + mask(url) + " has no host.");
        }
    }

    /** True when {@code text} starts like a URL ({@code scheme://}), so it is not taken for a file name. */
    public static boolean looksLikeUrl(String text) {
        return text.strip().matches("(?i)^[a-z][a-z0-9+.-]*://.*");
    }

    public boolean isRtsp() {
        return url.regionMatches(true, 0, "rtsp:", 0, 5);
    }

    /** The user named in the address, if any (as written, percent-encoding kept). */
    public Optional<String> user() {
        String info = userInfo();
        if (info == null) {
            return Optional.empty();
        }
        int colon = info.indexOf(':');
        return Optional.of(colon < 0 ? info : info.substring(0, colon));
    }

    /** The password written in the address, if any (as written, percent-encoding kept). */
    public Optional<String> password() {
        String info = userInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(info.substring(colon + 1));
    }

    /** The address with its password removed (the user is kept): what may be remembered and shown. */
    public StreamUrl withoutPassword() {
        Matcher m = PARTS.matcher(url);
        if (!m.matches() || m.group(2) == null || password().isEmpty()) {
            return this;
        }
        return new StreamUrl(m.group(1) + user().orElseThrow() + "@" + m.group(3));
    }

    /**
     * This address (which names a user) with {@code password}, typed as is: characters that would end the user info
     * ({@code @ : / ? #}, {@code %}, spaces, non-ASCII) are percent-encoded.
     */
    public StreamUrl withPassword(String password) {
        return withWrittenPassword(encode(password));
    }

    /** This address (which names a user) with {@code password} as it is written in an address (see {@link #password()}). */
    public StreamUrl withWrittenPassword(String password) {
        Matcher m = PARTS.matcher(url);
        if (!m.matches() || user().isEmpty()) {
            throw new IllegalArgumentException("the address " + this + " names no user to give a password to");
        }
        return new StreamUrl(m.group(1) + user().orElseThrow() + ":" + password + "@" + m.group(3));
    }

    /** True when the address names a user but carries no password, as remembered addresses do. */
    public boolean lacksPassword() {
        return user().isPresent() && password().isEmpty();
    }

    /** {@code text} (e.g. an FFmpeg error that quotes the address) with this address's password masked. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text.replace(url, toString());
        return password().filter(p -> !p.isEmpty()).map(p -> out.replace(p, "***")).orElse(out);
    }

    /** {@code text} with the password of every {@code scheme://user:password@} in it masked. */
    public static String mask(String text) {
        return text == null ? null : text.replaceAll("(?i)([a-z][a-z0-9+.-]*://[^:@/\\s]*):[^@/\\s]*@", "$1:***@");
    }

    @Override
    public String toString() {
        return mask(url);
    }

    private String userInfo() {
        Matcher m = PARTS.matcher(url);
        return m.matches() ? m.group(2) : null;
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 32 && c < 127 && "@:/?#%[]".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
