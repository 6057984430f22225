package io.emolens.secret;

import java.util.prefs.Preferences;

import io.emolens.source.StreamUrl;
import io.emolens.ui.UiPreferences;

/**
 * Run by {@link SecretServiceStoreTest} in a JVM on a private D-Bus session with GNOME Keyring: {@code save} keeps
 * passwords the ways the app does (opening a stream, moving an earlier version's preferences); {@code read}, in a
 * second JVM, reads them back; {@code connect} only says which store it found. Prints one line per result and exits as
 * the app does (D-Bus threads stay until exit).
 */
public final class KeyringProbe {
    private KeyringProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("connect")) {
            System.out.println(SecretServiceStore.connect().map(SecretStore::describe).orElse("no store"));
            return;
        }
        SecretStore store = SecretServiceStore.connect().orElseThrow(() -> new IllegalStateException("no Secret Service"));
        StreamPasswords passwords = new StreamPasswords(store);
        StreamUrl camera = new StreamUrl("rtsp://admin@10.0.0.5/stream");
        StreamUrl phone = new StreamUrl("http://viewer@192.168.1.20:8080/video");
        if (args[0].equals("save")) {
            System.out.println("remembered " + passwords.remember(camera.withPassword("first password")));
            System.out.println("replaced " + passwords.remember(camera.withPassword("hunter2 @:/")));
            Preferences node = Preferences.userRoot().node("io/emolens");
            node.put("streams.recent", "http://viewer:older-hunter3@192.168.1.20:8080/video");
            node.put("last.source", "stream:http://viewer:older-hunter3@192.168.1.20:8080/video");
            System.out.println("moved " + new UiPreferences(node).moveStreamPasswords(passwords));
        } else {
            System.out.println("camera " + passwords.complete(camera).map(StreamUrl::url).orElse("asks"));
            System.out.println("phone " + passwords.complete(phone).map(StreamUrl::url).orElse("asks"));
            System.out.println("unknown " + passwords.complete(new StreamUrl("rtsp://admin@10.0.0.6/stream")).map(StreamUrl::url).orElse("asks"));
        }
        System.exit(0);
    }
}
