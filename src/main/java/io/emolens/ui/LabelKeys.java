package io.emolens.ui;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

import io.emolens.core.Emotion;

/** Keys 1-7 (top row or keypad) name the user's emotion in FER order (1 Angry … 7 Neutral); 0 clears it. */
final class LabelKeys {
    private LabelKeys() {
    }

    /** Binds the keys anywhere in {@code root}'s window; {@code onLabel} gets the emotion, or null for 0. */
    static void bind(JComponent root, Consumer<Emotion> onLabel) {
        InputMap keys = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        for (int k = 0; k <= Emotion.COUNT; k++) {
            Emotion emotion = k == 0 ? null : Emotion.ofIndex(k - 1);
            String name = "emolens.label." + k;
            keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_0 + k, 0), name);
            keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0 + k, 0), name);
            root.getActionMap().put(name, new AbstractAction() {
                @Override
                public void actionPerformed(ActionEvent e) {
                    onLabel.accept(emotion);
                }
            });
        }
    }
}
