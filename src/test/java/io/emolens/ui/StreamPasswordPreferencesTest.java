package io.emolens.ui;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emolens.secret.NoSecretStore;
import io.emolens.secret.StreamPasswords;
import io.emolens.source.StreamUrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream passwords never stay in the preferences (real {@link java.util.prefs} in a test node): plain-text entries
 * of earlier versions are removed on first start, and where no keyring keeps them the user is asked again.
 */
class StreamPasswordPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("io/emolens-test/" + System.nanoTime());
    private final StreamPasswords noKeyring = new StreamPasswords(new NoSecretStore("a test"));

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void plainTextPasswordsOfEarlierVersionsAreRemovedOnFirstStart() throws Exception {
        node.put("streams.recent", String.join("\n", "rtsp://admin:hunter2@10.0.0.5/stream", "http://192.168.1.20:8080/video",
                "rtsp://admin:older-hunter2@10.0.0.5/stream", "not a url"));
        node.put("last.source", "stream:rtsp://admin:hunter2@10.0.0.5/stream");
        node.flush();
        UiPreferences prefs = new UiPreferences(node);

        assertEquals(3, prefs.moveStreamPasswords(noKeyring));

        assertEquals(List.of("rtsp://admin@10.0.0.5/stream", "http://192.168.1.20:8080/video"), prefs.recentStreams(),
                "addresses kept without passwords, the same camera once, what cannot be opened dropped");
        assertEquals("stream:rtsp://admin@10.0.0.5/stream", prefs.lastSource());
        assertFalse(exported().contains("hunter2"), exported());
        assertEquals(0, prefs.moveStreamPasswords(noKeyring), "nothing left to move on the next start");
    }

    @Test
    void aStreamIsRememberedWithoutItsPasswordAndNeedsItAgainWithoutAKeyring() throws Exception {
        UiPreferences prefs = new UiPreferences(node);
        StreamUrl typed = new StreamUrl("rtsp://admin:hunter2@10.0.0.5/stream");
        StreamUrl remembered = noKeyring.remember(typed);
        prefs.rememberStream(typed);

        assertEquals("rtsp://admin@10.0.0.5/stream", remembered.url());
        assertEquals(List.of("rtsp://admin@10.0.0.5/stream"), prefs.recentStreams());
        assertFalse(exported().contains("hunter2"), exported());
        assertFalse(noKeyring.keeps());
        assertEquals(Optional.empty(), noKeyring.complete(remembered), "no keyring: the user is asked for the password");
        assertEquals(Optional.of(typed), noKeyring.complete(typed), "an address with its password opens as it is");
        StreamUrl open = new StreamUrl("http://192.168.1.20:8080/video");
        assertEquals(Optional.of(open), noKeyring.complete(open), "an address without a user needs no password");
    }

    private String exported() throws Exception {
        node.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        node.exportSubtree(out);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("streams.recent"), xml);
        return xml;
    }
}
