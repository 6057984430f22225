package io.emolens.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.javacpp.Loader;

/**
 * The capture modes a V4L2 camera lists, read the way {@code ffmpeg -f v4l2 -list_formats all -i /dev/videoN} prints
 * them (with the ffmpeg executable JavaCV bundles): one line per pixel format with its discrete sizes. V4L2 lists frame
 * rates per size only through an ioctl FFmpeg does not print, so modes carry the rate asked for and the status bar
 * shows what the camera delivers.
 */
public final class CameraModes {
    private static final Pattern FORMAT_LINE = Pattern.compile("(Raw|Compressed)\\s*:\\s*(\\w+)\\s*:[^:]*:\\s*(.*)$");
    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
    private static final long LIST_TIMEOUT_S = 10;

    private CameraModes() {
    }

    /** What {@code /dev/NODE} lists, at {@code fps}; empty when it lists nothing or cannot be asked. */
    public static List<CameraMode> list(String node, double fps) {
        try {
            String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-f", "v4l2", "-list_formats", "all", "-i", "/dev/" + node)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(LIST_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return parse(out, fps);
        } catch (IOException | RuntimeException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The modes in FFmpeg's {@code -list_formats all} output, in its order; stepwise ranges are left out. */
    static List<CameraMode> parse(String listing, double fps) {
        List<CameraMode> out = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            Matcher m = FORMAT_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            for (String token : m.group(3).trim().split("\\s+")) {
                Matcher size = SIZE.matcher(token);
                if (size.matches()) {
                    out.add(new CameraMode(Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)), fps, m.group(2)));
                }
            }
        }
        return out;
    }
}
