package io.emolens.ui;

import java.awt.Component;
import java.awt.Font;

import javax.swing.JOptionPane;
import javax.swing.JTextArea;

import io.emolens.core.EmolensException;

/** Message dialogs: errors in plain words, about, keyboard shortcuts. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(Component parent, String title, Throwable error) {
        JOptionPane.showMessageDialog(parent, describe(error), title, JOptionPane.ERROR_MESSAGE);
    }

    /** The user-facing message of an expected failure; type and message of an unexpected one. */
    static String describe(Throwable error) {
        if (error instanceof EmolensException) {
            return error.getMessage();
        }
        return "Unexpected error: " + error + (error.getCause() != null ? " (cause: " + error.getCause() + ")" : "");
    }

    static void about(Component parent) {
        JOptionPane.showMessageDialog(parent,
                "Emolens 0.1.0\nReal-time facial emotion recognition.\n\n"
                        + "Faces: OpenCV Haar cascade. Emotions: a Deeplearning4j CNN trained on FER2013\n"
                        + "(Angry, Disgust, Fear, Happy, Sad, Surprise, Neutral).",
                "About Emolens", JOptionPane.INFORMATION_MESSAGE);
    }

    static void shortcuts(Component parent, String table) {
        JTextArea text = new JTextArea(table);
        text.setEditable(false);
        text.setTabSize(16);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        JOptionPane.showMessageDialog(parent, text, "Keyboard shortcuts", JOptionPane.PLAIN_MESSAGE);
    }
}
