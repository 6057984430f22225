package io.emolens.source;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;

import io.emolens.TestFiles;

/**
 * The demo clip served live as MJPEG over HTTP on 127.0.0.1 by ffmpeg, as a phone-webcam app serves a camera:
 * {@code ffmpeg -re -stream_loop -1 -i demo/demo.mp4 -an -f mpjpeg -listen 1 http://127.0.0.1:PORT/feed.mjpg}.
 * It serves one client. Tests that need it are skipped, saying why, where ffmpeg is not installed.
 */
public final class MjpegServer implements AutoCloseable {
    private final Process process;
    private final String url;

    private MjpegServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the server and returns once it listens; skips the calling test when ffmpeg is absent. */
    public static MjpegServer start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("ffmpeg"), "ffmpeg is not installed (apt-get install ffmpeg): the network stream tests need it to serve MJPEG");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/feed.mjpg";
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i",
                TestFiles.demoClip().toString(), "-an", "-f", "mpjpeg", "-listen", "1", url)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        MjpegServer server = new MjpegServer(p, url);
        server.awaitListening(port);
        return server;
    }

    public String url() {
        return url;
    }

    /** Kills the server (SIGKILL): the stream is cut mid-frame, as when a phone app dies or Wi-Fi drops. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Waits until the port is in LISTEN state (read from /proc/net/tcp: connecting would use up the one client). */
    private void awaitListening(int port) throws IOException, InterruptedException {
        String hexPort = String.format(Locale.ROOT, ":%04X ", port);
        Path tcp = Path.of("/proc/net/tcp");
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ffmpeg exited with " + process.exitValue() + " before serving " + url);
            }
            if (!Files.isReadable(tcp)) {
                Thread.sleep(2000);
                return;
            }
            List<String> lines = Files.readAllLines(tcp);
            for (String line : lines) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 3 && (cols[1] + " ").endsWith(hexPort) && cols[3].equals("0A")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("ffmpeg did not listen on " + url + " within 20 s");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
