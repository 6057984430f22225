package io.emolens.secret;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream passwords in a real GNOME Keyring: a private D-Bus session ({@code dbus-run-session}) with
 * {@code gnome-keyring-daemon} unlocked in a temporary home, two JVMs of {@link KeyringProbe} (one saves, one
 * reads back), Java preferences in a temporary user root. Skipped, saying why, where those programs are missing
 * ({@code apt-get install dbus-daemon gnome-keyring}, as .ci/run does).
 */
class SecretServiceStoreTest {

    @Test
    void passwordsGoToTheKeyringAndComeBackInTheNextRunNeverToThePreferences(@TempDir Path home) throws Exception {
        Assumptions.assumeTrue(onPath("dbus-run-session") && onPath("gnome-keyring-daemon"),
                "dbus-run-session or gnome-keyring-daemon is missing (apt-get install dbus-daemon gnome-keyring): no Secret Service to test against");
        Path prefs = home.resolve("prefs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String probe = "'" + java + "' -Djava.util.prefs.userRoot='" + prefs + "' -cp \"$CP\" " + KeyringProbe.class.getName();
        String script = "mkdir -m 700 -p \"$XDG_RUNTIME_DIR\" && printf unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                + " && " + probe + " save && " + probe + " read; status=$?"
                + "; kill $(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus"
                + " org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '/uint32/ {print $2}'); exit $status";
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertTrue(finished, "the probes finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> l.matches("^(remembered|replaced|moved|camera|phone|unknown) .*")).toList();
        assertEquals(List.of(
                "remembered rtsp://admin@10.0.0.5/stream",
                "replaced rtsp://admin@10.0.0.5/stream",
                "moved 2",
                "camera rtsp://admin:hunter2%20%40%3A%2F@10.0.0.5/stream",
                "phone http://viewer:older-hunter3@192.168.1.20:8080/video",
                "unknown asks"), lines, out);
        assertEquals(0, p.exitValue(), out);

        String preferences = readAll(prefs);
        assertTrue(preferences.contains("http://viewer@192.168.1.20:8080/video"), preferences);
        assertFalse(preferences.contains("hunter"), "no password in the preference files: " + preferences);
        String keyring = readAll(home.resolve("data/keyrings"));
        assertFalse(keyring.isEmpty(), "the keyring was written");
        assertFalse(keyring.contains("hunter"), "the keyring file is encrypted");
    }

    @Test
    void withoutASessionBusThereIsNoStoreAndNothingIsPrintedAtExit(@TempDir Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                KeyringProbe.class.getName(), "connect").redirectErrorStream(true);
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        pb.environment().remove("XDG_RUNTIME_DIR");
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finishes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("no store", out.strip(), "no keyring and no stack trace from the D-Bus library's shutdown hook");
        assertEquals(0, p.exitValue());
        assertFalse(SecretServiceStore.sessionBusAnnounced(Map.of("DISPLAY", ":1"), home));
        assertTrue(SecretServiceStore.sessionBusAnnounced(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"), home));
        Files.createDirectories(home.resolve("run"));
        Files.createFile(home.resolve("run/bus"));
        assertTrue(SecretServiceStore.sessionBusAnnounced(Map.of("XDG_RUNTIME_DIR", home.resolve("run").toString()), home));
    }

    private static String readAll(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
