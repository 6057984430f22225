package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import io.emolens.core.BuildInfo;
import io.emolens.core.EmolensException;

/** Message dialogs: errors in plain words, about, keyboard shortcuts. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(Component parent, String title, Throwable error) {
        JOptionPane.showMessageDialog(parent, describe(error), title, JOptionPane.ERROR_MESSAGE);
    }

    /** A duration for progress text: "4m05s" or "1h20m". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    /** The user-facing message of an expected failure; type and message of an unexpected one. */
    static String describe(Throwable error) {
        if (error instanceof EmolensException) {
            return error.getMessage();
        }
        return "Unexpected error: " + error + (error.getCause() != null ? " (cause: " + error.getCause() + ")" : "");
    }

    static void about(Component parent) {
        BuildInfo build = BuildInfo.current();
        JTextArea licences = new JTextArea(thirdPartyNotices());
        licences.setEditable(false);
        licences.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JScrollPane scroll = new JScrollPane(licences);
        scroll.setPreferredSize(new Dimension(720, 300));
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.add(new JLabel("<html><b>" + build.describe()[0] + "</b><br>Real-time facial emotion recognition.<br><br>"
                + build.describe()[1] + "<br>" + build.describe()[2] + "</html>"), BorderLayout.NORTH);
        panel.add(scroll, BorderLayout.CENTER);
        JOptionPane.showMessageDialog(parent, panel, "About Emolens", JOptionPane.INFORMATION_MESSAGE, AppIcon.icon(64));
    }

    private static String thirdPartyNotices() {
        try (InputStream in = Dialogs.class.getResourceAsStream("third-party.txt")) {
            return in == null ? "third-party.txt is missing from the Emolens classes" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Cannot read the licence notices: " + e.getMessage();
        }
    }

    static void shortcuts(Component parent, String table) {
        JTextArea text = new JTextArea(table);
        text.setEditable(false);
        text.setTabSize(16);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        JOptionPane.showMessageDialog(parent, text, "Keyboard shortcuts", JOptionPane.PLAIN_MESSAGE);
    }
}
