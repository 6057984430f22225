package io.emolens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.session.RecordedSession;
import io.emolens.session.SessionInfo;
import io.emolens.source.MjpegServer;
import io.emolens.source.VideoFrames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code analyze URL}: a network camera (ffmpeg serving the demo clip as MJPEG on 127.0.0.1) analyzed live. */
class AnalyzeStreamTest {

    @Test
    void analyzeReadsTheStreamForTheGivenSecondsAndWritesNoPassword(@TempDir Path tmp) throws Exception {
        try (MjpegServer server = MjpegServer.start()) {
            long serverStarted = System.nanoTime();
            String withPassword = server.url().replace("http://", "http://viewer:hunter2@");
            AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("analyze", withPassword, "--out", tmp.toString(),
                    "--seconds", "3", "--no-progress");
            long serving = (System.nanoTime() - serverStarted) / 1_000_000;
            assertEquals(0, run.exit(), run.err());
            String summary = Files.readString(tmp.resolve("summary.json"));
            assertTrue(summary.contains("\"input\" : \"" + server.url().replace("http://", "http://viewer:***@") + "\""), summary);
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("hunter2"), f.toString());
                }
            }
            assertFalse((run.out() + run.err()).contains("hunter2"), run.out() + run.err());
            RecordedSession session = RecordedSession.open(tmp);
            assertEquals(SessionInfo.COMPLETE, session.info().status());
            // a loaded machine may read a backlog that queued while analyze started, so the bound is what the 30 fps
            // server sent while it ran
            assertTrue(session.info().frames() >= 10 && session.info().frames() <= serving * 30 / 1000 + 5,
                    "at most what the 30 fps stream sent in its " + serving + " ms: " + session.info().frames());
            assertTrue(session.faces().size() >= 5, "faces found live: " + session.faces().size());
        }
    }

    @Test
    void analyzeOfAStreamThatDiesEndsByItselfWithTheSessionFinalized(@TempDir Path tmp) throws Exception {
        AtomicReference<AnalyzeCommandTest.Run> result = new AtomicReference<>();
        try (MjpegServer server = MjpegServer.start()) {
            Thread analyze = new Thread(() -> result.set(AnalyzeCommandTest.cli("analyze", server.url(), "--out", tmp.toString(),
                    "--video", "--no-progress")));
            analyze.start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!(Files.exists(tmp.resolve("faces.csv")) && Files.size(tmp.resolve("faces.csv")) > 2000) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            server.kill();
            analyze.join(60_000);
            assertTrue(result.get() != null, "analyze ended by itself after the stream died");
            assertEquals(2, result.get().exit(), result.get().err());
            List<String> lines = result.get().err().lines().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.get(lines.size() - 1).contains(server.url()), "the last line names the URL: " + lines.get(lines.size() - 1));
            RecordedSession session = RecordedSession.open(tmp);
            assertEquals(SessionInfo.FAILED, session.info().status());
            assertTrue(session.info().error().contains(server.url()));
            assertTrue(session.faces().size() >= 1);
            assertTrue(VideoFrames.count(tmp.resolve("annotated.mp4")) >= 1, "annotated.mp4 is readable");
            assertTrue(Files.readString(tmp.resolve("summary.json")).contains("\"error\" : \"Lost the stream"));
        }
    }

    /**
     * Ctrl+C as in a terminal, where SIGINT reaches the process: the child is started through
     * {@code env --default-signal=INT}, because a JVM inherits an ignored SIGINT (as from a test run started in the
     * background of a script) and then never sees it. SIGINT is sent once faces are being written, not on a timer,
     * so a slow start on a loaded machine cannot make it land before the analysis runs. {@code DISPLAY} names an X
     * server nobody serves: a command must not need one (an unreachable test Xvfb once ended the analysis early).
     */
    @Test
    void ctrlCStopsAStreamAnalysisCleanlyWithEverythingFinalized(@TempDir Path tmp) throws Exception {
        try (MjpegServer server = MjpegServer.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path out = tmp.resolve("out");
            Path log = tmp.resolve("log.txt");
            ProcessBuilder pb = new ProcessBuilder("env", "--default-signal=INT", java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "analyze", server.url(), "--out", out.toString(), "--video", "--no-progress")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DISPLAY", ":9999");
            Process p = pb.start();
            try {
                long deadline = System.currentTimeMillis() + 300_000;
                while (!(Files.exists(out.resolve("faces.csv")) && Files.size(out.resolve("faces.csv")) > 2000)) {
                    assertTrue(p.isAlive(), "analyze ended before Ctrl+C: " + Files.readString(log));
                    assertTrue(System.currentTimeMillis() < deadline, "analyze wrote no faces within 5 minutes: " + Files.readString(log));
                    Thread.sleep(100);
                }
                assertFalse(ignoresSigint(p.pid()), "the analyze process ignores SIGINT, so Ctrl+C cannot reach it");
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Ctrl+C ends analyze");
            } finally {
                p.destroyForcibly();
            }
            RecordedSession session = RecordedSession.open(out);
            assertEquals(SessionInfo.COMPLETE, session.info().status(), Files.readString(log));
            assertEquals(session.info().faceRows(), session.faces().size());
            assertTrue(session.info().frames() >= 1);
            assertTrue(Files.readString(out.resolve("summary.json")).contains("\"frames\" : " + session.info().frames()),
                    "summary.json written with the frames analyzed");
            assertTrue(VideoFrames.count(out.resolve("annotated.mp4")) >= 1, "annotated.mp4 is finalized and plays");
        }
    }

    /** Whether process {@code pid} ignores SIGINT (signal 2: bit 1 of SigIgn in /proc/PID/status). */
    private static boolean ignoresSigint(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseLong(l.substring(7).strip(), 16) & 2L) != 0);
    }
}
