package io.emolens.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera capture mode: picture size, frame rate asked for (the driver delivers the nearest it has) and the V4L2
 * pixel format by FFmpeg's name ({@code mjpeg}, {@code yuyv422}, …). Remembered per camera as {@link #key()}.
 */
public record CameraMode(int width, int height, double fps, String format) {
    /** Sizes above this are offered as MJPEG where the camera has it: USB 2 carries raw 720p at only 5-10 fps. */
    public static final int RAW_MAX_PIXELS = 640 * 480;
    private static final Pattern KEY = Pattern.compile("(\\d+)x(\\d+)@([\\d.]+)/(\\w+)");

    /** "1280x720 MJPEG, 30 fps". */
    public String label() {
        return width + "x" + height + " " + formatName() + ", " + fps(fps) + " fps";
    }

    /** "1280x720@30/mjpeg". */
    public String key() {
        return width + "x" + height + "@" + fps(fps) + "/" + format;
    }

    /** The same size and format at another frame rate. */
    public CameraMode at(double framesPerSecond) {
        return new CameraMode(width, height, framesPerSecond, format);
    }

    /** The mode {@link #key()} wrote, if {@code key} is one. */
    public static Optional<CameraMode> parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CameraMode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3)), m.group(4)));
    }

    /**
     * What a settings dialog offers from what the camera lists: each size once, largest first, as MJPEG when it is
     * above {@link #RAW_MAX_PIXELS} and the camera has MJPEG at that size, else in the raw format it has.
     */
    public static List<CameraMode> offered(List<CameraMode> listed, double fps) {
        Map<String, List<CameraMode>> bySize = new LinkedHashMap<>();
        listed.forEach(m -> bySize.computeIfAbsent(m.width() + "x" + m.height(), k -> new ArrayList<>()).add(m));
        List<CameraMode> out = new ArrayList<>();
        for (List<CameraMode> same : bySize.values()) {
            CameraMode first = same.get(0);
            boolean large = first.width() * first.height() > RAW_MAX_PIXELS;
            Optional<CameraMode> mjpeg = same.stream().filter(m -> m.format().equals("mjpeg")).findFirst()
                    .or(() -> same.stream().filter(CameraMode::compressed).findFirst());
            Optional<CameraMode> raw = same.stream().filter(m -> !m.compressed()).findFirst();
            CameraMode pick = large ? mjpeg.or(() -> raw).orElse(first) : raw.or(() -> mjpeg).orElse(first);
            out.add(pick.at(fps));
        }
        out.sort(Comparator.comparingInt((CameraMode m) -> m.width() * m.height()).reversed());
        return out;
    }

    boolean compressed() {
        return format.equals("mjpeg") || format.equals("h264");
    }

    private String formatName() {
        return switch (format) {
            case "mjpeg" -> "MJPEG";
            case "yuyv422" -> "YUYV";
            case "h264" -> "H.264";
            default -> format.toUpperCase(Locale.ROOT);
        };
    }

    private static String fps(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : String.format(Locale.ROOT, "%.2f", fps);
    }
}
